using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Senco.Bench;

/// PostgreSQL binary COPY of entities, driven by the EF Core model: the table, its columns, each column's store type
/// and each property's value converter come from the same model the app uses, so the rows are what EF would have
/// written. Keys the database generates (identity columns) are left to the database.
public sealed class EntityCopy(DbContext db)
{
    private readonly IModel model = db.GetService<IDesignTimeModel>().Model;

    public async Task<long> CopyAsync<T>(NpgsqlConnection conn, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty())
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType is var t && (t == typeof(int) || t == typeof(long))))
            .Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                var storeType = mapping.StoreType;
                var paren = storeType.IndexOf('(');
                return (Property: p, Name: p.GetColumnName(store)!, Converter: p.GetValueConverter() ?? mapping.Converter,
                        DataType: paren < 0 ? storeType : storeType[..paren].Trim());
            })
            .Where(c => c.Name is not null)
            .ToArray();
        var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        long n = 0;
        await using var importer = await conn.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)", ct);
        var getters = columns.Select(c => c.Property.GetGetter()).ToArray();
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Length; i++)
            {
                var value = getters[i].GetClrValueUsingContainingEntity(row);
                if (value is not null && columns[i].Converter is { } conv) value = conv.ConvertToProvider(value);
                if (value is null) { await importer.WriteNullAsync(ct); continue; }
                if (value is DateTime dt && dt.Kind != DateTimeKind.Utc && columns[i].DataType == "timestamp with time zone") value = DateTime.SpecifyKind(dt, DateTimeKind.Utc);
                await importer.WriteAsync(value, columns[i].DataType, ct);
            }
            n++;
        }
        await importer.CompleteAsync(ct);
        return n;
    }
}
