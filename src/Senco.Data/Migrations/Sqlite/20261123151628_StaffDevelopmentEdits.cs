using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffDevelopmentEdits : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_TrainingNeeds_MetByTrainingId",
                table: "TrainingNeeds",
                column: "MetByTrainingId");

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
        }
    }
}
