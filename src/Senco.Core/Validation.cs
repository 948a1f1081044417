using System.Collections;

namespace Senco.Core;

/// <summary>
/// Errors keyed by camelCase field name (matches ASP.NET ValidationProblemDetails), in insertion order.
/// </summary>
/// <remarks>
/// The order matters: the GOV.UK error summary lists errors in the order the fields appear on the page,
/// and the rules add them in that order.
/// </remarks>
public sealed class ValidationErrors : IEnumerable<KeyValuePair<string, string[]>>
{
    private readonly List<string> _fields = new();
    private readonly Dictionary<string, List<string>> _messages = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!_messages.TryGetValue(field, out var list))
        {
            list = new List<string>();
            _messages.Add(field, list);
            _fields.Add(field);
        }
        if (!list.Contains(message)) list.Add(message);
    }

    /// <summary>No errors.</summary>
    public bool IsValid => _fields.Count == 0;

    /// <summary>Number of fields with at least one error.</summary>
    public int Count => _fields.Count;

    public bool Has(string field) => _messages.ContainsKey(field);

    public IReadOnlyList<string> For(string field) =>
        _messages.TryGetValue(field, out var list) ? list.AsReadOnly() : Array.Empty<string>();

    /// <summary>A copy in insertion order, ready for <c>TypedResults.ValidationProblem</c>.</summary>
    public IDictionary<string, string[]> ToDictionary()
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var f in _fields) result.Add(f, _messages[f].ToArray());
        return result;
    }

    public void Merge(ValidationErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other)
            foreach (var m in messages) Add(field, m);
    }

    /// <summary>Merges another set under a prefix, e.g. "entry" + "value" gives "entry.value".</summary>
    public void Merge(string prefix, ValidationErrors other)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other)
            foreach (var m in messages) Add(prefix + "." + field, m);
    }

    public IEnumerator<KeyValuePair<string, string[]>> GetEnumerator()
    {
        foreach (var f in _fields) yield return new KeyValuePair<string, string[]>(f, _messages[f].ToArray());
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        IsValid ? "(no errors)" : string.Join("; ", this.Select(kv => kv.Key + ": " + string.Join(" | ", kv.Value)));
}
