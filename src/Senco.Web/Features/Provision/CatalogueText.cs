using System.Globalization;
using Senco.Core.Model;

namespace Senco.Web.Features.Provision;

public static class CatalogueText
{
    /// "Groups of 6, 3 × 30 min a week for 10 weeks".
    public static string Run(ProvisionOffer o)
    {
        var parts = new List<string>();
        if (o.GroupSize is { } size) parts.Add(size == 1 ? "1:1" : $"groups of up to {size}");
        if (o.SessionsPerWeek is { } s && o.MinutesPerSession is { } m) parts.Add($"{s} × {m} min a week");
        else if (o.SessionsPerWeek is { } s2) parts.Add($"{s2} a week");
        if (o.Weeks is { } w) parts.Add($"for {w.ToString(CultureInfo.InvariantCulture)} weeks");
        if (parts.Count == 0) return "—";
        var text = string.Join(", ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
