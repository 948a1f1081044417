using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Provision;

/// <summary>The school's catalogue of provision: list, add, edit, archive.</summary>
public sealed class ProvisionCatalogue(SencoDbContext db, UserContext user)
{
    public static async Task<List<ProvisionOffer>> ListAsync(SchoolData data, bool includeArchived, CancellationToken ct)
    {
        var q = data.Q<ProvisionOffer>();
        if (!includeArchived) q = q.Where(o => !o.Archived);
        var list = await q.ToListAsync(ct);
        return list.OrderBy(o => o.Wave).ThenBy(o => o.AreaOfNeed).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Outcome<ProvisionOffer>> CreateAsync(string urn, ProvisionOfferInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<ProvisionOffer>.NotFound();
        if (!school.Can(Permission.ManageProvision)) return Outcome<ProvisionOffer>.Forbidden();
        var errors = ProvisionRules.ValidateOffer(input);
        if (!errors.IsValid) return Outcome<ProvisionOffer>.Invalid(errors);
        var name = input.Name!.Trim();
        if (await db.ProvisionOffers.AnyAsync(o => o.SchoolId == school.SchoolId && o.Name == name, ct))
            return Duplicate(name);

        var now = DateTime.UtcNow;
        var offer = new ProvisionOffer { Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, Version = 1, CreatedAt = now, UpdatedAt = now };
        Apply(offer, input);
        db.ProvisionOffers.Add(offer);
        db.Audit(user.Actor, "provision.create", $"Added provision \"{offer.Name}\" (wave {offer.Wave}, {ProvisionMap.Describe(offer.AreaOfNeed)})", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<ProvisionOffer>.Ok(offer);
    }

    public async Task<Outcome<ProvisionOffer>> FindAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default)
    {
        var q = db.ProvisionOffers.IgnoreQueryFilters().Where(o => o.Id == id);
        if (!track) q = q.AsNoTracking();
        var offer = await q.FirstOrDefaultAsync(ct);
        if (offer is null || !user.CanSee(offer.SchoolId)) return Outcome<ProvisionOffer>.NotFound();
        if (!user.Can(offer.SchoolId, permission)) return Outcome<ProvisionOffer>.Forbidden();
        return Outcome<ProvisionOffer>.Ok(offer);
    }

    public async Task<Outcome<ProvisionOffer>> UpdateAsync(Guid id, int expectedVersion, ProvisionOfferInput input, bool archived, CancellationToken ct = default)
    {
        var found = await FindAsync(id, Permission.ManageProvision, track: true, ct);
        if (!found.IsOk) return found;
        var offer = found.Value!;
        var errors = ProvisionRules.ValidateOffer(input);
        if (!errors.IsValid) return Outcome<ProvisionOffer>.Invalid(errors);
        if (offer.Version != expectedVersion) return Stale(offer);
        var name = input.Name!.Trim();
        if (name != offer.Name && await db.ProvisionOffers.AnyAsync(o => o.SchoolId == offer.SchoolId && o.Name == name && o.Id != id, ct))
            return Duplicate(name);

        Apply(offer, input);
        offer.Archived = archived;
        offer.Version++;
        offer.UpdatedAt = DateTime.UtcNow;
        db.Audit(user.Actor, "provision.update", $"Changed provision \"{offer.Name}\"{(archived ? " (archived)" : "")}", offer.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale(await db.ProvisionOffers.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == id, ct));
        }
        return Outcome<ProvisionOffer>.Ok(offer);
    }

    private static void Apply(ProvisionOffer offer, ProvisionOfferInput input)
    {
        offer.Name = input.Name!.Trim();
        offer.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        offer.AreaOfNeed = ProvisionRules.ParseArea(input.AreaOfNeed)!.Value;
        offer.Wave = input.Wave!.Value;
        offer.UsualStaffRole = ProvisionRules.ParseStaffRole(input.UsualStaffRole);
        offer.GroupSize = input.GroupSize;
        offer.SessionsPerWeek = input.SessionsPerWeek;
        offer.MinutesPerSession = input.MinutesPerSession;
        offer.Weeks = input.Weeks;
        offer.StaffHourlyCost = input.StaffHourlyCost;
        offer.ResourceCost = input.ResourceCost;
    }

    private static Outcome<ProvisionOffer> Duplicate(string name)
    {
        var e = new ValidationErrors();
        e.Add("name", $"The catalogue already has provision called \"{name}\": give this one a different name");
        return Outcome<ProvisionOffer>.Conflict("The catalogue already has provision with this name.", e);
    }

    private static Outcome<ProvisionOffer> Stale(ProvisionOffer current) => Outcome<ProvisionOffer>.Conflict(
        $"Someone else changed \"{current.Name}\" at {current.UpdatedAt:HH:mm} on {Dates.Long(DateOnly.FromDateTime(current.UpdatedAt))} while you were editing. " +
        "Your changes have not been saved.", current: current);
}
