using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadershipAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentScales",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Grades = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExpectedFrom = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentScales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentScales_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    YearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ScaleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChronologicalAgeMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_AssessmentScales_ScaleId",
                        column: x => x.ScaleId,
                        principalTable: "AssessmentScales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_PupilId_YearStart_Term",
                table: "AssessmentResults",
                columns: new[] { "PupilId", "YearStart", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_ScaleId",
                table: "AssessmentResults",
                column: "ScaleId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_SchoolId_Measure_YearStart_Term",
                table: "AssessmentResults",
                columns: new[] { "SchoolId", "Measure", "YearStart", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentScales_SchoolId_Name",
                table: "AssessmentScales",
                columns: new[] { "SchoolId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentResults");

            migrationBuilder.DropTable(
                name: "AssessmentScales");
        }
    }
}
