using System.Text.RegularExpressions;

namespace Senco.Core.Graduated;

public enum DiffKind { Same, Removed, Added }

/// <summary>
/// One run of words that is in both texts, only in the old one, or only in the new one. Words in both may be spaced
/// differently (a line break in one, a space in the other): <see cref="Text"/> is as in the new text and
/// <see cref="BeforeText"/> as in the old one.
/// </summary>
public sealed record DiffPart(DiffKind Kind, string Text, string? OldText = null)
{
    public string BeforeText => OldText ?? Text;
}

/// <summary>
/// A word-by-word comparison of two short texts (a passport section, at most a few hundred words), so that someone
/// approving a change sees exactly which words were added or taken out rather than re-reading both paragraphs.
/// Longest common subsequence of words; whitespace (including line breaks) stays with the word before it.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Past this many words on either side the texts are shown as one removal and one addition.</summary>
    public const int MaxWords = 1500;

    public static IReadOnlyList<DiffPart> Words(string? before, string? after)
    {
        var a = Tokens(before ?? "");
        var b = Tokens(after ?? "");
        if (a.Count > MaxWords || b.Count > MaxWords) return Merge([new(DiffKind.Removed, before ?? ""), new(DiffKind.Added, after ?? "")]);

        // lcs[i, j]: the longest common subsequence of a[i..] and b[j..], compared without trailing whitespace.
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = Same(a[i], b[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (Same(a[x], b[y])) { parts.Add(new(DiffKind.Same, b[y], a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) parts.Add(new(DiffKind.Removed, a[x++]));
            else parts.Add(new(DiffKind.Added, b[y++]));
        }
        while (x < a.Count) parts.Add(new(DiffKind.Removed, a[x++]));
        while (y < b.Count) parts.Add(new(DiffKind.Added, b[y++]));
        return Merge(Regroup(parts));
    }

    /// <summary>
    /// Reads better: a single short word left in common between two changes ("Biscuit [and] football" →
    /// "Swimming [and] Tuesdays") is folded into the change, and each run of changes shows everything taken out, then
    /// everything added, rather than interleaving them word by word.
    /// </summary>
    private static List<DiffPart> Regroup(List<DiffPart> ops)
    {
        bool Weak(int i) =>
            ops[i].Kind == DiffKind.Same && ops[i].Text.Trim().Length <= 3 &&
            i > 0 && i < ops.Count - 1 && ops[i - 1].Kind != DiffKind.Same && ops[i + 1].Kind != DiffKind.Same;

        var result = new List<DiffPart>();
        var removed = new System.Text.StringBuilder();
        var added = new System.Text.StringBuilder();
        void Flush()
        {
            if (removed.Length > 0) result.Add(new(DiffKind.Removed, removed.ToString()));
            if (added.Length > 0) result.Add(new(DiffKind.Added, added.ToString()));
            removed.Clear();
            added.Clear();
        }
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.Kind == DiffKind.Removed) removed.Append(op.Text);
            else if (op.Kind == DiffKind.Added) added.Append(op.Text);
            else if (Weak(i)) { removed.Append(op.BeforeText); added.Append(op.Text); }
            else { Flush(); result.Add(op); }
        }
        Flush();
        return result;
    }

    private static bool Same(string a, string b) => string.Equals(a.TrimEnd(), b.TrimEnd(), StringComparison.Ordinal);

    private static List<string> Tokens(string s) => WordAndSpace().Matches(s).Select(m => m.Value).ToList();

    /// Consecutive parts of the same kind read as one.
    private static List<DiffPart> Merge(IEnumerable<DiffPart> parts)
    {
        var merged = new List<DiffPart>();
        foreach (var p in parts.Where(p => p.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Kind == p.Kind)
                merged[^1] = p with { Text = merged[^1].Text + p.Text, OldText = p.OldText is null ? null : merged[^1].BeforeText + p.OldText };
            else merged.Add(p);
        }
        return merged;
    }

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex WordAndSpace();
}
