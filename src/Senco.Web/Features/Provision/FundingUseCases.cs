using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Provision;

/// <summary>The notional SEN budget per year and high-needs top-up per pupil.</summary>
public sealed class FundingCommands(SencoDbContext db, UserContext user, PupilFinder pupils)
{
    public async Task<Outcome<SenBudget>> SetBudgetAsync(string urn, SchoolYear year, decimal? amount, int? expectedVersion, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<SenBudget>.NotFound();
        if (!school.Can(Permission.ManageProvision)) return Outcome<SenBudget>.Forbidden();
        var errors = Funding.ValidateBudget(amount);
        if (!errors.IsValid) return Outcome<SenBudget>.Invalid(errors);

        var budget = await db.SenBudgets.FirstOrDefaultAsync(b => b.SchoolId == school.SchoolId && b.StartYear == year.StartYear, ct);
        if (budget is not null && expectedVersion is { } v && v != budget.Version) return Stale(budget);
        var before = budget?.NotionalSenBudget;
        if (budget is null)
        {
            budget = new SenBudget { SchoolId = school.SchoolId, StartYear = year.StartYear, Version = 1 };
            db.SenBudgets.Add(budget);
        }
        else budget.Version++;
        budget.NotionalSenBudget = amount!.Value;
        budget.UpdatedAt = DateTime.UtcNow;
        budget.UpdatedBy = user.Actor.Name;
        db.Audit(user.Actor, "funding.budget", $"Notional SEN budget for {year.Label}: {Money.Show(before)} → {Money.Show(amount.Value)}", school.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another person saved the same year's budget at the same time (the version, or the unique year index).
            db.ChangeTracker.Clear();
            var current = await db.SenBudgets.AsNoTracking().FirstAsync(b => b.SchoolId == school.SchoolId && b.StartYear == year.StartYear, ct);
            return Stale(current);
        }
        return Outcome<SenBudget>.Ok(budget);
    }

    public async Task<Outcome<TopUpFunding>> AddTopUpAsync(Guid pupilId, string? band, decimal? amount, DateOnly? from, DateOnly? to, string? note, CancellationToken ct = default)
    {
        var found = await pupils.FindAsync(pupilId, Permission.ManageProvision, ct: ct);
        if (!found.IsOk) return new Outcome<TopUpFunding>(found.Kind);
        var pupil = found.Value!;
        var errors = Funding.ValidateTopUp(band, amount, from, to);
        if (note is { Length: > 500 }) errors.Add("note", "The note must be 500 characters or fewer");
        if (!errors.IsValid) return Outcome<TopUpFunding>.Invalid(errors);
        var overlap = await db.TopUpFunding.Where(t => t.PupilId == pupilId && t.From <= to && t.To >= from).FirstOrDefaultAsync(ct);
        if (overlap is not null)
        {
            var e = new ValidationErrors();
            e.Add("from", $"{pupil.FullName} already has top-up ({overlap.Band}) from {Dates.Long(overlap.From)} to {Dates.Long(overlap.To)}: periods must not overlap");
            return Outcome<TopUpFunding>.Conflict("This period overlaps another top-up for the pupil.", e);
        }
        var topUp = new TopUpFunding
        {
            Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupilId, Band = band!.Trim(), Amount = amount!.Value, From = from!.Value, To = to!.Value,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), CreatedAt = DateTime.UtcNow, RecordedBy = user.Actor.Name,
        };
        db.TopUpFunding.Add(topUp);
        db.Audit(user.Actor, "funding.topup", $"High-needs top-up for {pupil.Upn}: band {topUp.Band}, {Money.Show(topUp.Amount)} from {Dates.Long(topUp.From)} to {Dates.Long(topUp.To)}", pupil.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<TopUpFunding>.Ok(topUp);
    }

    private static Outcome<SenBudget> Stale(SenBudget current) => Outcome<SenBudget>.Conflict(
        $"{current.UpdatedBy} changed the notional SEN budget to {Money.Show(current.NotionalSenBudget)} at {current.UpdatedAt:HH:mm} while you were editing. Your figure has not been saved.",
        current: current);
}
