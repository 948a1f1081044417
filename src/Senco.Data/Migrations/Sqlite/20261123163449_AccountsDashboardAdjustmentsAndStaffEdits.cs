using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsDashboardAdjustmentsAndStaffEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "TrainingRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "MetByTrainingId",
                table: "TrainingNeeds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "TrainingNeeds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "InsetSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "TemporaryPasswordExpiresAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessibilityPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessibilityPlans_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingEmails_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReasonableAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Barrier = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Adjustment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InPlaceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReasonableAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReasonableAdjustments_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedInAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessibilityActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Strand = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SuccessCriteria = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Resources = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessibilityActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessibilityActions_AccessibilityPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "AccessibilityPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingNeeds_MetByTrainingId",
                table: "TrainingNeeds",
                column: "MetByTrainingId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessibilityActions_PlanId_Strand",
                table: "AccessibilityActions",
                columns: new[] { "PlanId", "Strand" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessibilityPlans_SchoolId_StartYear",
                table: "AccessibilityPlans",
                columns: new[] { "SchoolId", "StartYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_SentAt_NextAttemptAt",
                table: "OutgoingEmails",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_UserId",
                table: "OutgoingEmails",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReasonableAdjustments_PupilId",
                table: "ReasonableAdjustments",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_ReasonableAdjustments_SchoolId_Area",
                table: "ReasonableAdjustments",
                columns: new[] { "SchoolId", "Area" });

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingNeeds_TrainingRecords_MetByTrainingId",
                table: "TrainingNeeds",
                column: "MetByTrainingId",
                principalTable: "TrainingRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TrainingNeeds_TrainingRecords_MetByTrainingId",
                table: "TrainingNeeds");

            migrationBuilder.DropTable(
                name: "AccessibilityActions");

            migrationBuilder.DropTable(
                name: "OutgoingEmails");

            migrationBuilder.DropTable(
                name: "ReasonableAdjustments");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "AccessibilityPlans");

            migrationBuilder.DropIndex(
                name: "IX_TrainingNeeds_MetByTrainingId",
                table: "TrainingNeeds");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "TrainingRecords");

            migrationBuilder.DropColumn(
                name: "MetByTrainingId",
                table: "TrainingNeeds");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "TrainingNeeds");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "InsetSessions");

            migrationBuilder.DropColumn(
                name: "TemporaryPasswordExpiresAt",
                table: "AspNetUsers");
        }
    }
}
