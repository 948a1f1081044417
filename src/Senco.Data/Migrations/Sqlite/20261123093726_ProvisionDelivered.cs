using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvisionDelivered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliverySettings",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThresholdPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortfallReasons = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SchoolDayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverySettings", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_DeliverySettings_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringConcerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WhatSeen = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Tried = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RaisedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringConcerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringConcerns_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlannedDoses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EhcProvisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlanStrategyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    SessionsPerWeek = table.Column<int>(type: "INTEGER", nullable: true),
                    MinutesPerSession = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InterventionGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedDoses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedDoses_EhcProvision_EhcProvisionId",
                        column: x => x.EhcProvisionId,
                        principalTable: "EhcProvision",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlannedDoses_InterventionGroups_InterventionGroupId",
                        column: x => x.InterventionGroupId,
                        principalTable: "InterventionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlannedDoses_PlanStrategies_PlanStrategyId",
                        column: x => x.PlanStrategyId,
                        principalTable: "PlanStrategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PlannedDoses_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedDoses_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedDoses_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ConcernObservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConcernId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernObservations_MonitoringConcerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "MonitoringConcerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliverySessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverySessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverySessions_PlannedDoses_DoseId",
                        column: x => x.DoseId,
                        principalTable: "PlannedDoses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeliverySessions_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeliverySessions_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernObservations_ConcernId",
                table: "ConcernObservations",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliverySessions_DoseId_On",
                table: "DeliverySessions",
                columns: new[] { "DoseId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverySessions_PupilId",
                table: "DeliverySessions",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliverySessions_SchoolId_PupilId_On",
                table: "DeliverySessions",
                columns: new[] { "SchoolId", "PupilId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverySessions_StaffMemberId_On",
                table: "DeliverySessions",
                columns: new[] { "StaffMemberId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringConcerns_PupilId",
                table: "MonitoringConcerns",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringConcerns_SchoolId_Status",
                table: "MonitoringConcerns",
                columns: new[] { "SchoolId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDoses_EhcProvisionId",
                table: "PlannedDoses",
                column: "EhcProvisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDoses_InterventionGroupId",
                table: "PlannedDoses",
                column: "InterventionGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDoses_PlanStrategyId",
                table: "PlannedDoses",
                column: "PlanStrategyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDoses_PupilId",
                table: "PlannedDoses",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDoses_SchoolId_PupilId",
                table: "PlannedDoses",
                columns: new[] { "SchoolId", "PupilId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDoses_StaffMemberId",
                table: "PlannedDoses",
                column: "StaffMemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConcernObservations");

            migrationBuilder.DropTable(
                name: "DeliverySessions");

            migrationBuilder.DropTable(
                name: "DeliverySettings");

            migrationBuilder.DropTable(
                name: "MonitoringConcerns");

            migrationBuilder.DropTable(
                name: "PlannedDoses");
        }
    }
}
