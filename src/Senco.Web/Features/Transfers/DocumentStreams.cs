using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Senco.Core.Model;
using Senco.Data;

namespace Senco.Web.Features.Transfers;

/// <summary>
/// Reads a stored document's bytes as a stream rather than one array, so a pack of many large scans is copied through
/// in chunks. EF Core materialises a byte[] column whole; a data reader with SequentialAccess streams it (Npgsql reads
/// the column off the wire as it goes; Microsoft.Data.Sqlite opens incremental blob I/O when the rowid is selected).
/// Table and column names and the key's parameter come from the EF model, so the SQL follows the mapping on both
/// providers (a Guid is TEXT on SQLite, uuid on PostgreSQL).
/// </summary>
public static class DocumentStreams
{
    public static async Task CopyContentAsync(SencoDbContext db, Guid documentId, Stream destination, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(TeamDocumentContent))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var key = entity.FindProperty(nameof(TeamDocumentContent.DocumentId))!;
        var content = entity.FindProperty(nameof(TeamDocumentContent.Content))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var sqlite = db.Database.IsSqlite();

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {(sqlite ? "rowid, " : "")}{sql.DelimitIdentifier(content.GetColumnName(store)!)} " +
                                  $"FROM {sql.DelimitIdentifier(table, entity.GetSchema())} WHERE {sql.DelimitIdentifier(key.GetColumnName(store)!)} = @id";
            var parameter = key.GetRelationalTypeMapping().CreateParameter(command, "@id", documentId);
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"The stored content of document {documentId} is missing.");
            if (sqlite) _ = reader.GetInt64(0);
            await using var source = reader.GetStream(sqlite ? 1 : 0);
            await source.CopyToAsync(destination, 81920, ct);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
