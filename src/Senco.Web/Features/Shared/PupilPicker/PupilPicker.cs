using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Pupils;
using Senco.Data;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Shared;

/// A pupil offered by the picker: enough to tell two Sams apart without opening their records.
public sealed record PupilChoice(Guid Id, string Forename, string Surname, string Upn, string YearGroup)
{
    public string Label => $"{Forename} {Surname}, {YearGroups.Label(YearGroup)} (UPN {Upn})";
}

/// What the picker shows: the pupil already chosen (if any), and the matches of the last search.
public sealed class PupilPickerState
{
    public string? Query { get; init; }
    public bool Searched { get; init; }
    public PupilChoice? Selected { get; init; }
    public IReadOnlyList<PupilChoice> Matches { get; init; } = [];
    /// How many pupils matched, of which at most <see cref="PupilPicker.Limit"/> are shown.
    public int Total { get; init; }
    /// A message about the search itself (nothing typed), shown beside the search box.
    public string? Message { get; init; }
}

/// The "Find a pupil" search behind <c>&lt;senco-pupil-picker&gt;</c>: works without JavaScript by posting the form it is in
/// (every other field keeps its value), and offers a short list of matches as radios instead of a select of every pupil.
/// Only pupils on roll of the school, for a person who may see pupils there; each search is audited like a pupil list.
/// A page posts <see cref="PupilSearchForm"/> alongside its own form and, when <see cref="PupilSearchForm.Find"/> is set,
/// shows the matches instead of saving.
public sealed class PupilPicker(SencoDbContext db, UserContext user, AuditLog audit)
{
    public const int Limit = 10;

    /// The state for a form: <paramref name="selected"/> is the pupil already chosen; the search runs when
    /// <paramref name="search"/> is true.
    public async Task<PupilPickerState> LoadAsync(SchoolGrant school, Guid? selected, string? query, bool search, CancellationToken ct = default)
    {
        if (!school.Can(Permission.ViewPupils)) return new PupilPickerState();
        PupilChoice? chosen = null;
        if (selected is { } id)
            chosen = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == id && p.SchoolId == school.SchoolId)
                .Select(p => new PupilChoice(p.Id, p.Forename, p.Surname, p.Upn, p.YearGroup)).FirstOrDefaultAsync(ct);
        if (!search) return new PupilPickerState { Selected = chosen, Query = query };
        var parsed = PupilSearch.Parse(query);
        if (parsed.IsEmpty)
            return new PupilPickerState { Selected = chosen, Query = query, Searched = true, Message = "Type part of a name, a UPN or a year group, then choose Find a pupil." };
        var (matches, total) = await SearchAsync(school, parsed, ct);
        return new PupilPickerState { Selected = chosen, Query = query, Searched = true, Matches = matches, Total = total };
    }

    /// Up to <see cref="Limit"/> pupils on roll matching the search, and how many matched in all; audited.
    public async Task<(IReadOnlyList<PupilChoice> Matches, int Total)> SearchAsync(SchoolGrant school, PupilSearch search, CancellationToken ct = default)
    {
        if (!school.Can(Permission.ViewPupils) || user.School(school.SchoolId) is null) return ([], 0);
        var q = db.Pupils.IgnoreQueryFilters().AsNoTracking().Where(p => p.SchoolId == school.SchoolId && p.OnRoll);
        foreach (var word in search.Words) q = q.Where(p => p.SearchText.Contains(word));
        if (search.YearGroup is { } yg) q = q.Where(p => p.YearGroup == yg);
        var total = await q.CountAsync(ct);
        var matches = await q.OrderBy(p => p.Surname).ThenBy(p => p.Forename).ThenBy(p => p.Upn).Take(Limit)
            .Select(p => new PupilChoice(p.Id, p.Forename, p.Surname, p.Upn, p.YearGroup)).ToListAsync(ct);
        var asked = string.Join(' ', search.Words) + (search.YearGroup is { } y ? $" {YearGroups.Label(y)}" : "");
        audit.Read("pupils.search", $"Searched for a pupil (\"{asked.Trim()}\"): {total} found, {matches.Count} shown", school.SchoolId);
        return (matches, total);
    }

    /// After "Find a pupil" the page is shown again, not saved: keep every value typed, drop the errors the
    /// half-finished form would otherwise show.
    public static void KeepValuesDropErrors(ModelStateDictionary modelState)
    {
        foreach (var entry in modelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Valid;
        }
    }
}

/// The picker's own fields, posted with the form it sits in.
public sealed class PupilSearchForm
{
    public string? Query { get; set; }
    /// Set (to the field's name) by the "Find a pupil" button.
    public string? Find { get; set; }
}
