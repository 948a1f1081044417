using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadershipReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExamAccessArrangements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Assessor = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Score1Area = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Score1 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score2Area = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Score2 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score3Area = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Score3 = table.Column<int>(type: "INTEGER", nullable: true),
                    NormalWayOfWorking = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EditionStartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamAccessArrangements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamAccessArrangements_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InformationReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    YearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationReports_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationReportSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationReportSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationReportSections_InformationReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "InformationReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExamAccessArrangements_PupilId",
                table: "ExamAccessArrangements",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamAccessArrangements_SchoolId_Kind",
                table: "ExamAccessArrangements",
                columns: new[] { "SchoolId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationReports_SchoolId_YearStart",
                table: "InformationReports",
                columns: new[] { "SchoolId", "YearStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationReportSections_ReportId_ItemKey",
                table: "InformationReportSections",
                columns: new[] { "ReportId", "ItemKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExamAccessArrangements");

            migrationBuilder.DropTable(
                name: "InformationReportSections");

            migrationBuilder.DropTable(
                name: "InformationReports");
        }
    }
}
