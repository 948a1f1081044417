using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PupilDataVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PupilDataVersions",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilDataVersions", x => x.SchoolId);
                });

            // Raised by the database on every write to a school's pupils, whatever wrote it (see PupilDataVersion).
            // Statement-level with transition tables: a bulk COPY or a 2,000-row import raises each school's version
            // once per statement, not once per row. Schools are locked in SchoolId order so two statements touching
            // the same schools cannot deadlock on the counters.
            migrationBuilder.Sql("""
                CREATE FUNCTION senco_raise_pupil_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO "PupilDataVersions" ("SchoolId", "Version")
                        SELECT DISTINCT "SchoolId", 1 FROM senco_new_rows ORDER BY 1
                        ON CONFLICT ("SchoolId") DO UPDATE SET "Version" = "PupilDataVersions"."Version" + 1;
                    ELSIF TG_OP = 'UPDATE' THEN
                        INSERT INTO "PupilDataVersions" ("SchoolId", "Version")
                        SELECT s, 1 FROM (SELECT "SchoolId" AS s FROM senco_new_rows UNION SELECT "SchoolId" FROM senco_old_rows) AS changed ORDER BY 1
                        ON CONFLICT ("SchoolId") DO UPDATE SET "Version" = "PupilDataVersions"."Version" + 1;
                    ELSE
                        INSERT INTO "PupilDataVersions" ("SchoolId", "Version")
                        SELECT DISTINCT "SchoolId", 1 FROM senco_old_rows ORDER BY 1
                        ON CONFLICT ("SchoolId") DO UPDATE SET "Version" = "PupilDataVersions"."Version" + 1;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Pupils_DataVersion_Insert" AFTER INSERT ON "Pupils"
                    REFERENCING NEW TABLE AS senco_new_rows FOR EACH STATEMENT EXECUTE FUNCTION senco_raise_pupil_data_version();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Pupils_DataVersion_Update" AFTER UPDATE ON "Pupils"
                    REFERENCING OLD TABLE AS senco_old_rows NEW TABLE AS senco_new_rows FOR EACH STATEMENT EXECUTE FUNCTION senco_raise_pupil_data_version();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Pupils_DataVersion_Delete" AFTER DELETE ON "Pupils"
                    REFERENCING OLD TABLE AS senco_old_rows FOR EACH STATEMENT EXECUTE FUNCTION senco_raise_pupil_data_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in new[] { "Insert", "Update", "Delete" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_Pupils_DataVersion_{name}\" ON \"Pupils\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS senco_raise_pupil_data_version();");
            migrationBuilder.DropTable(
                name: "PupilDataVersions");
        }
    }
}
