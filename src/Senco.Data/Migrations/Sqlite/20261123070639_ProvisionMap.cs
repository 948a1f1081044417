using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvisionMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProvisionOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AreaOfNeed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Wave = table.Column<int>(type: "INTEGER", nullable: false),
                    UsualStaffRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GroupSize = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionsPerWeek = table.Column<int>(type: "INTEGER", nullable: true),
                    MinutesPerSession = table.Column<int>(type: "INTEGER", nullable: true),
                    Weeks = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffHourlyCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    ResourceCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvisionOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvisionOffers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SenBudgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    NotionalSenBudget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SenBudgets_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractedHoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    HourlyCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    LineManagerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StaffMembers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffMembers_StaffMembers_LineManagerId",
                        column: x => x.LineManagerId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TopUpFunding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopUpFunding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TopUpFunding_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterventionGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionsPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesPerSession = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffHourlyCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ResourceCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OwnMeasureName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OwnMeasureMin = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnMeasureMax = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterventionGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterventionGroups_ProvisionOffers_ProvisionId",
                        column: x => x.ProvisionId,
                        principalTable: "ProvisionOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterventionGroups_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterventionGroups_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffTimetableEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffTimetableEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffTimetableEntries_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StaffTimetableEntries_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupPupils",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EntryValue = table.Column<int>(type: "INTEGER", nullable: true),
                    EntryOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitValue = table.Column<int>(type: "INTEGER", nullable: true),
                    ExitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ScoresRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ScoresRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupPupils", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupPupils_InterventionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "InterventionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupPupils_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InterventionSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterventionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterventionSessions_InterventionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "InterventionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterventionSlots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterventionSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterventionSlots_InterventionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "InterventionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_InterventionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "InterventionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GroupPupils_GroupId_PupilId",
                table: "GroupPupils",
                columns: new[] { "GroupId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupPupils_PupilId",
                table: "GroupPupils",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_InterventionGroups_ProvisionId",
                table: "InterventionGroups",
                column: "ProvisionId");

            migrationBuilder.CreateIndex(
                name: "IX_InterventionGroups_SchoolId_StartOn",
                table: "InterventionGroups",
                columns: new[] { "SchoolId", "StartOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InterventionGroups_StaffMemberId",
                table: "InterventionGroups",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_InterventionSessions_GroupId_On",
                table: "InterventionSessions",
                columns: new[] { "GroupId", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterventionSessions_SchoolId_On",
                table: "InterventionSessions",
                columns: new[] { "SchoolId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_InterventionSlots_GroupId",
                table: "InterventionSlots",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_InterventionSlots_SchoolId_Day",
                table: "InterventionSlots",
                columns: new[] { "SchoolId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ProvisionOffers_SchoolId_Name",
                table: "ProvisionOffers",
                columns: new[] { "SchoolId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_SenBudgets_SchoolId_StartYear",
                table: "SenBudgets",
                columns: new[] { "SchoolId", "StartYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_PupilId",
                table: "SessionAttendance",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_SessionId_PupilId",
                table: "SessionAttendance",
                columns: new[] { "SessionId", "PupilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_LineManagerId",
                table: "StaffMembers",
                column: "LineManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_SchoolId_Name",
                table: "StaffMembers",
                columns: new[] { "SchoolId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_UserId",
                table: "StaffMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTimetableEntries_PupilId",
                table: "StaffTimetableEntries",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTimetableEntries_StaffMemberId",
                table: "StaffTimetableEntries",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_TopUpFunding_PupilId",
                table: "TopUpFunding",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_TopUpFunding_SchoolId_From",
                table: "TopUpFunding",
                columns: new[] { "SchoolId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GroupPupils");

            migrationBuilder.DropTable(
                name: "InterventionSlots");

            migrationBuilder.DropTable(
                name: "SenBudgets");

            migrationBuilder.DropTable(
                name: "SessionAttendance");

            migrationBuilder.DropTable(
                name: "StaffTimetableEntries");

            migrationBuilder.DropTable(
                name: "TopUpFunding");

            migrationBuilder.DropTable(
                name: "InterventionSessions");

            migrationBuilder.DropTable(
                name: "InterventionGroups");

            migrationBuilder.DropTable(
                name: "ProvisionOffers");

            migrationBuilder.DropTable(
                name: "StaffMembers");
        }
    }
}
