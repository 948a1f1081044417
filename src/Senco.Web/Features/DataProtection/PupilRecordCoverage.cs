using System.Globalization;
using System.Reflection;
using System.Text;
using CsvHelper;
using Senco.Web.Features.Register;

namespace Senco.Web.Features.DataProtection;

/// Names the stored entity types a section exports, so a test can prove that every table holding a PupilId is in
/// some section: an area that adds pupil data without a section fails the build's tests, not a subject access request.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class CoversPupilDataAttribute(params Type[] entityTypes) : Attribute
{
    public IReadOnlyList<Type> EntityTypes { get; } = entityTypes;
}

public static class PupilRecordSections
{
    private static readonly Lazy<IReadOnlyList<Type>> Types = new(() => typeof(IPupilRecordSection).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPupilRecordSection).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .ToList());

    /// Every section in the application, in index order (a new instance each time: sections hold no state).
    public static IReadOnlyList<IPupilRecordSection> All() =>
        Types.Value.Select(t => (IPupilRecordSection)Activator.CreateInstance(t)!).OrderBy(s => s.Order).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();

    /// The entity types named by some section's <see cref="CoversPupilDataAttribute"/>.
    public static IReadOnlySet<Type> Covered() =>
        Types.Value.SelectMany(t => t.GetCustomAttribute<CoversPupilDataAttribute>()?.EntityTypes ?? []).ToHashSet();
}

/// Readable CSV of stored records: one column per stored value (names in words, dates ISO), so nothing held is left out
/// by forgetting a column. Cells are neutralised against formula injection, as every Senco spreadsheet is.
public static class RecordCsv
{
    public static byte[] Write<T>(IEnumerable<T> items, params string[] leaveOut)
    {
        var props = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && IsScalar(p.PropertyType) && !leaveOut.Contains(p.Name)).ToList();
        var rows = items.Select(i => props.Select(p => Format(p.GetValue(i))).ToArray());
        return Table(props.Select(p => Words(p.Name)).ToArray(), rows);
    }

    public static byte[] Table(string[] headers, IEnumerable<string[]> rows)
    {
        using var ms = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" };
        using (var csv = CsvWriter.Create(ms, options, true))
        {
            foreach (var h in headers) csv.WriteField(h);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(RegisterExport.SafeCell(cell));
                csv.EndRecord();
            }
        }
        return ms.ToArray();
    }

    private static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime)
               || t == typeof(TimeOnly) || t == typeof(DateTimeOffset);
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (dt.Kind == DateTimeKind.Local ? "" : " UTC"),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "Yes" : "No",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// "ReceivedOn" → "Received on", "Upn" → "UPN".
    public static string Words(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1])) sb.Append(' ').Append(char.ToLowerInvariant(c));
            else sb.Append(i == 0 ? c : char.ToLowerInvariant(c));
        }
        return sb.ToString().Replace("Upn", "UPN").Replace(" upn", " UPN").Replace("Ehc", "EHC").Replace(" ehc", " EHC").Replace(" id", " ID").Replace("Eal", "EAL").Replace(" sen ", " SEN ").Replace("Sen ", "SEN ");
    }
}
