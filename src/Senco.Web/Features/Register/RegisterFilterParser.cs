using Senco.Core;
using Senco.Core.Pupils;
using Senco.Core.Sen;

namespace Senco.Web.Features.Register;

public static class RegisterFilterParser
{
    public static (RegisterFilter Filter, ValidationErrors Errors) Parse(string? status, string? need, string? yearGroup, string? eal,
        string? lookedAfter, string? pupilPremium, string? q, string? sort, string? dir)
    {
        var errors = new ValidationErrors();
        string? st = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (SenStatuses.TryParse(status, out var s) && s != SenStatus.N) st = s.ToString();
            else errors.Add("status", "Status must be K (SEN support) or E (EHC plan)");
        }
        string? nd = null;
        if (!string.IsNullOrWhiteSpace(need))
        {
            if (NeedTypes.TryGet(need, out var n)) nd = n.Code;
            else errors.Add("need", $"\"{need}\" is not a census SEN type code");
        }
        string? yg = null;
        if (!string.IsNullOrWhiteSpace(yearGroup))
        {
            yg = YearGroups.Normalise(yearGroup);
            if (yg is null) errors.Add("yearGroup", "Year group must be N1, N2, R or 1 to 14");
        }
        bool? Bool(string field, string? v)
        {
            if (string.IsNullOrWhiteSpace(v)) return null;
            if (bool.TryParse(v, out var b)) return b;
            if (v is "1" or "yes") return true;
            if (v is "0" or "no") return false;
            errors.Add(field, $"{field} must be true or false");
            return null;
        }
        var e = Bool("eal", eal);
        var la = Bool("lookedAfter", lookedAfter);
        var pp = Bool("pupilPremium", pupilPremium);
        if (q is { Length: > 100 }) errors.Add("q", "Search for 100 characters or fewer");
        var so = sort is not null && RegisterFilter.SortKeys.Contains(sort) ? sort : null;
        var di = dir is "desc" ? "desc" : null;
        return (new RegisterFilter(st, nd, yg, e, la, pp, string.IsNullOrWhiteSpace(q) ? null : q.Trim(), so, di), errors);
    }
}
