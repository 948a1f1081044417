using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Senco.Data.Migrations.Postgres
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
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    ThresholdPercent = table.Column<int>(type: "integer", nullable: false),
                    ShortfallReasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SchoolDayMinutes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WhatSeen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Lessons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Tried = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RaisedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Decision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EhcProvisionId = table.Column<long>(type: "bigint", nullable: true),
                    PlanStrategyId = table.Column<int>(type: "integer", nullable: true),
                    Label = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HoursPerWeek = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    SessionsPerWeek = table.Column<int>(type: "integer", nullable: true),
                    MinutesPerSession = table.Column<int>(type: "integer", nullable: true),
                    StaffType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    InterventionGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Lessons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    PupilId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoseId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
