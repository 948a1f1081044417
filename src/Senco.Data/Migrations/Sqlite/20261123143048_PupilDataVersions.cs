using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
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
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilDataVersions", x => x.SchoolId);
                });

            // Raised by the database on every write to a school's pupils, whatever wrote it (see PupilDataVersion).
            // INSERT OR IGNORE then UPDATE rather than an upsert: the simplest form every SQLite accepts in a trigger.
            foreach (var (name, timing, school) in new[]
                     {
                         ("Insert", "AFTER INSERT", "NEW"), ("UpdateNew", "AFTER UPDATE", "NEW"), ("Delete", "AFTER DELETE", "OLD"),
                     })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TR_Pupils_DataVersion_{name}" {timing} ON "Pupils"
                    BEGIN
                        INSERT OR IGNORE INTO "PupilDataVersions" ("SchoolId", "Version") VALUES ({school}."SchoolId", 0);
                        UPDATE "PupilDataVersions" SET "Version" = "Version" + 1 WHERE "SchoolId" = {school}."SchoolId";
                    END;
                    """);
            }
            // A pupil moved between schools changes both schools' pupils.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Pupils_DataVersion_UpdateOld" AFTER UPDATE OF "SchoolId" ON "Pupils"
                WHEN OLD."SchoolId" <> NEW."SchoolId"
                BEGIN
                    INSERT OR IGNORE INTO "PupilDataVersions" ("SchoolId", "Version") VALUES (OLD."SchoolId", 0);
                    UPDATE "PupilDataVersions" SET "Version" = "Version" + 1 WHERE "SchoolId" = OLD."SchoolId";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in new[] { "Insert", "UpdateNew", "UpdateOld", "Delete" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_Pupils_DataVersion_{name}\";");
            migrationBuilder.DropTable(
                name: "PupilDataVersions");
        }
    }
}
