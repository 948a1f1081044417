using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Ehc;

public sealed record EvidenceInput(string? Kind, string? Title, DateOnly? Dated);

public sealed record ExceptionInput(string? Kind, DateOnly? From, DateOnly? To, DateOnly? AdviceRequestedOn, string? Note);

/// A request for assessment and its decisions. On update a null leaves the recorded value as it is.
public sealed record AssessmentInput(DateOnly? RequestReceivedOn, string? RequestedBy, DateOnly? DecisionToAssessOn = null, bool? WillAssess = null,
    DateOnly? DraftPlanServedOn = null, DateOnly? DecisionNotToIssueOn = null, DateOnly? FinalPlanIssuedOn = null, DateOnly? WithdrawnOn = null,
    string? Notes = null, IReadOnlyList<EvidenceInput>? Evidence = null);

/// Issuing a plan. <see cref="Needs"/> (census codes, primary first) are needed only when the pupil has none recorded yet.
public sealed record PlanInput(DateOnly? IssuedOn, string? LocalAuthority, string? CaseOfficer = null, string? CaseOfficerEmail = null,
    IReadOnlyDictionary<string, string?>? Sections = null, IReadOnlyList<string>? Needs = null);

public sealed record PlanEdit(string? LocalAuthority, string? CaseOfficer, string? CaseOfficerEmail, IReadOnlyDictionary<string, string?>? Sections);

public sealed record ProvisionInput(string? Description, decimal? HoursPerWeek, decimal? AnnualCost, string? FundedBy);

public sealed record NeedInput(string? Description, string? NeedType, IReadOnlyList<string>? Outcomes, IReadOnlyList<ProvisionInput>? Provision);

public sealed record ProgressInput(long? OutcomeId, string? Progress, string? Note);

/// What happened at and after a review meeting. A null leaves the recorded value as it is (the contract's PUT
/// sends only heldOn and recommendation).
public sealed record ReviewInput(DateOnly? MeetingOn = null, DateOnly? HeldOn = null, string? Recommendation = null,
    DateOnly? InvitationsSentOn = null, DateOnly? AdviceCirculatedOn = null, string? Attendees = null, string? PupilViews = null, string? ParentViews = null,
    DateOnly? ReportSentOn = null, string? LaDecision = null, DateOnly? LaDecisionOn = null, DateOnly? AmendmentsProposedOn = null, string? Amendments = null,
    DateOnly? AmendedPlanIssuedOn = null, IReadOnlyList<ProgressInput>? Progress = null);

/// Finds EHC records for a user. Like <see cref="PupilFinder"/>: another school's record is "not found" (so its
/// existence cannot be probed); one in a school the user can see but may not act on is "forbidden".
public sealed class EhcFinder(SencoDbContext db, UserContext user)
{
    public Task<Outcome<Pupil>> PupilAsync(Guid pupilId, Permission permission, CancellationToken ct, bool track = false) =>
        new PupilFinder(db, user).FindAsync(pupilId, permission, track, ct);

    public async Task<Outcome<EhcPlan>> PlanAsync(Guid planId, Permission permission, CancellationToken ct, bool track = false)
    {
        var schoolId = await db.EhcPlans.IgnoreQueryFilters().Where(p => p.Id == planId).Select(p => (int?)p.SchoolId).FirstOrDefaultAsync(ct);
        if (schoolId is not { } s || !user.CanSee(s)) return Outcome<EhcPlan>.NotFound();
        if (!user.Can(s, permission)) return Outcome<EhcPlan>.Forbidden();
        var query = db.EhcPlans.Include(p => p.Needs.OrderBy(n => n.Order)).ThenInclude(n => n.Outcomes)
            .Include(p => p.Needs).ThenInclude(n => n.Provision)
            .Include(p => p.Reviews).ThenInclude(r => r.Progress)
            .AsSplitQuery().Where(p => p.Id == planId);
        if (!track) query = query.AsNoTracking();
        var plan = await query.FirstOrDefaultAsync(ct);
        return plan is null ? Outcome<EhcPlan>.NotFound() : Outcome<EhcPlan>.Ok(plan);
    }

    public async Task<Outcome<EhcNeedsAssessment>> AssessmentAsync(Guid id, Permission permission, CancellationToken ct, bool track = false)
    {
        var schoolId = await db.EhcNeedsAssessments.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => (int?)a.SchoolId).FirstOrDefaultAsync(ct);
        if (schoolId is not { } s || !user.CanSee(s)) return Outcome<EhcNeedsAssessment>.NotFound();
        if (!user.Can(s, permission)) return Outcome<EhcNeedsAssessment>.Forbidden();
        var query = db.EhcNeedsAssessments.Include(a => a.Evidence).Include(a => a.Exceptions).AsSplitQuery().Where(a => a.Id == id);
        if (!track) query = query.AsNoTracking();
        var a = await query.FirstOrDefaultAsync(ct);
        return a is null ? Outcome<EhcNeedsAssessment>.NotFound() : Outcome<EhcNeedsAssessment>.Ok(a);
    }
}

/// Recording needs-assessment requests, plans and reviews. Each change is validated by the Core rules, then
/// saved with its timeline entry and audit entry in one SaveChanges, so nothing half-happens.
public sealed class EhcCommands(SencoDbContext db, UserContext user, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private EhcFinder Finder => new(db, user);

    // ---- Needs-assessment requests ----

    public async Task<Outcome<EhcNeedsAssessment>> CreateAssessmentAsync(Guid pupilId, AssessmentInput input, CancellationToken ct = default)
    {
        var found = await Finder.PupilAsync(pupilId, Permission.ManageEhc, ct);
        if (!found.IsOk) return Outcome<EhcNeedsAssessment>.From(found);
        var pupil = found.Value!;

        var errors = EhcRules.ValidateRequest(input.RequestReceivedOn, input.RequestedBy, Today);
        var evidence = ValidateEvidence(input.Evidence, errors);
        if (input.Notes is { Length: > EhcRules.MaxTextLength }) errors.Add("notes", EhcRules.TooLong(EhcRules.MaxTextLength));
        if (!errors.IsValid) return Outcome<EhcNeedsAssessment>.Invalid(errors);
        var decisions = new AssessmentDecisions(input.RequestReceivedOn!.Value, input.DecisionToAssessOn, input.WillAssess, input.DraftPlanServedOn,
            input.DecisionNotToIssueOn, input.FinalPlanIssuedOn, input.WithdrawnOn);
        errors.Merge(EhcRules.ValidateDecisions(decisions, Today));
        if (!errors.IsValid) return Outcome<EhcNeedsAssessment>.Invalid(errors);

        var open = (await db.EhcNeedsAssessments.AsNoTracking().Where(a => a.PupilId == pupilId).ToListAsync(ct)).FirstOrDefault(a => EhcRules.IsOpen(a.Status));
        if (open is not null && EhcRules.IsOpen(EhcRules.StatusOf(decisions)))
            return Outcome<EhcNeedsAssessment>.Conflict($"{pupil.FullName} already has a request in progress, received by the local authority on {Dates.Long(open.RequestReceivedOn)}. Record the decisions on it instead.");

        EhcRules.TryParseRequester(input.RequestedBy, out var requester);
        var now = DateTime.UtcNow;
        var a = new EhcNeedsAssessment
        {
            Id = Guid.CreateVersion7(), PupilId = pupilId, SchoolId = pupil.SchoolId, RequestedBy = requester, RequestReceivedOn = decisions.RequestReceivedOn,
            DecisionToAssessOn = decisions.DecisionToAssessOn, WillAssess = decisions.WillAssess, DraftPlanServedOn = decisions.DraftPlanServedOn,
            DecisionNotToIssueOn = decisions.DecisionNotToIssueOn, FinalPlanIssuedOn = decisions.FinalPlanIssuedOn, WithdrawnOn = decisions.WithdrawnOn,
            Notes = Clean(input.Notes), Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        foreach (var e in evidence) { e.AssessmentId = a.Id; e.SchoolId = pupil.SchoolId; e.AddedAt = now; a.Evidence.Add(e); }
        db.EhcNeedsAssessments.Add(a);
        var summary = $"EHC needs assessment requested ({requester}); the local authority received the request on {Dates.Long(a.RequestReceivedOn)}";
        Event(pupil, a.RequestReceivedOn, summary, now);
        db.Audit(user.Actor, "ehc.assessment.create", summary, pupil.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<EhcNeedsAssessment>.Ok(a);
    }

    public async Task<Outcome<EhcNeedsAssessment>> UpdateAssessmentAsync(Guid id, AssessmentInput input, int? expectedVersion, CancellationToken ct = default)
    {
        var found = await Finder.AssessmentAsync(id, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return found;
        var a = found.Value!;
        var errors = new ValidationErrors();
        var received = input.RequestReceivedOn ?? a.RequestReceivedOn;
        var requestedBy = input.RequestedBy ?? a.RequestedBy.ToString();
        errors.Merge(EhcRules.ValidateRequest(received, requestedBy, Today));
        if (input.Notes is { Length: > EhcRules.MaxTextLength }) errors.Add("notes", EhcRules.TooLong(EhcRules.MaxTextLength));
        var decisions = new AssessmentDecisions(received, input.DecisionToAssessOn ?? a.DecisionToAssessOn, input.WillAssess ?? a.WillAssess,
            input.DraftPlanServedOn ?? a.DraftPlanServedOn, input.DecisionNotToIssueOn ?? a.DecisionNotToIssueOn, input.FinalPlanIssuedOn ?? a.FinalPlanIssuedOn,
            input.WithdrawnOn ?? a.WithdrawnOn);
        if (errors.IsValid) errors.Merge(EhcRules.ValidateDecisions(decisions, Today));
        if (!errors.IsValid) return Outcome<EhcNeedsAssessment>.Invalid(errors);
        if (expectedVersion is { } v && v != a.Version) return Outcome<EhcNeedsAssessment>.Conflict(Stale("request", a.UpdatedAt), current: a);

        var before = a.Status;
        EhcRules.TryParseRequester(requestedBy, out var requester);
        a.RequestReceivedOn = received;
        a.RequestedBy = requester;
        a.DecisionToAssessOn = decisions.DecisionToAssessOn;
        a.WillAssess = decisions.WillAssess;
        a.DraftPlanServedOn = decisions.DraftPlanServedOn;
        a.DecisionNotToIssueOn = decisions.DecisionNotToIssueOn;
        a.FinalPlanIssuedOn = decisions.FinalPlanIssuedOn;
        a.WithdrawnOn = decisions.WithdrawnOn;
        if (input.Notes is not null) a.Notes = Clean(input.Notes);
        var now = DateTime.UtcNow;
        a.Version++;
        a.UpdatedAt = now;
        var summary = before == a.Status
            ? "EHC needs assessment request updated"
            : $"EHC needs assessment: {EhcRules.Describe(before)} → {EhcRules.Describe(a.Status)}";
        Event(a.PupilId, a.SchoolId, Today, summary, now);
        db.Audit(user.Actor, "ehc.assessment.update", summary, a.SchoolId, a.PupilId);
        return await SaveAsync(a, () => Stale("request", a.UpdatedAt), ct);
    }

    public async Task<Outcome<EhcNeedsAssessment>> AddEvidenceAsync(Guid id, EvidenceInput input, CancellationToken ct = default)
    {
        var found = await Finder.AssessmentAsync(id, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return found;
        var a = found.Value!;
        var errors = new ValidationErrors();
        var evidence = ValidateEvidence([input], errors, prefix: false);
        if (!errors.IsValid) return Outcome<EhcNeedsAssessment>.Invalid(errors);
        var e = evidence[0];
        e.AssessmentId = a.Id; e.SchoolId = a.SchoolId; e.AddedAt = DateTime.UtcNow;
        a.Evidence.Add(e);
        db.Audit(user.Actor, "ehc.assessment.evidence", $"Evidence added to an EHC needs assessment request: {e.Kind}, {e.Title}", a.SchoolId, a.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<EhcNeedsAssessment>.Ok(a);
    }

    public async Task<Outcome<EhcNeedsAssessment>> AddExceptionAsync(Guid id, ExceptionInput input, CancellationToken ct = default)
    {
        var found = await Finder.AssessmentAsync(id, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return found;
        var a = found.Value!;
        var errors = new ValidationErrors();
        if (!EhcRules.TryParseExceptionKind(input.Kind, out var kind))
            errors.Add("kind", "Select the reason: " + string.Join(", ", Enum.GetNames<ExceptionKind>()));
        if (input.From is null) errors.Add("from", "Enter the date it started");
        if (input.To is null) errors.Add("to", "Enter the date it ended");
        if (!errors.IsValid) return Outcome<EhcNeedsAssessment>.Invalid(errors);
        var rule = new TimescaleException(kind, input.From!.Value, input.To!.Value, Clean(input.Note), input.AdviceRequestedOn);
        errors.Merge(TimescaleExceptions.Validate(rule, a.RequestReceivedOn, Today));
        if (!errors.IsValid) return Outcome<EhcNeedsAssessment>.Invalid(errors);
        a.Exceptions.Add(new EhcTimescaleException
        {
            AssessmentId = a.Id, SchoolId = a.SchoolId, Kind = kind, From = rule.From, To = rule.To, AdviceRequestedOn = rule.AdviceRequestedOn,
            Note = rule.Note, AddedAt = DateTime.UtcNow,
        });
        var summary = $"Recorded an exception to the 20-week limit: {kind}, {Dates.Long(rule.From)} to {Dates.Long(rule.To)}";
        Event(a.PupilId, a.SchoolId, rule.From, summary, DateTime.UtcNow);
        db.Audit(user.Actor, "ehc.assessment.exception", summary, a.SchoolId, a.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<EhcNeedsAssessment>.Ok(a);
    }

    // ---- Plans ----

    /// <summary>
    /// Records a final plan and moves the pupil to SEN status E from the day it was issued, through the same
    /// rules and history as any SEN change (a new history entry; the needs already recorded are kept). A pupil
    /// with no needs recorded cannot be on E (census: E carries types), so the request must then name them in
    /// <c>needs</c>; otherwise 400 asks for them.
    /// </summary>
    public async Task<Outcome<EhcPlan>> IssuePlanAsync(Guid pupilId, PlanInput input, CancellationToken ct = default)
    {
        var found = await Finder.PupilAsync(pupilId, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return Outcome<EhcPlan>.From(found);
        var pupil = found.Value!;

        var errors = EhcRules.ValidatePlan(input.IssuedOn, input.LocalAuthority, pupil.DateOfBirth, Today);
        ValidatePlanText(input.CaseOfficer, input.CaseOfficerEmail, input.Sections, errors);
        var needs = input.Needs is { Count: > 0 } given ? SenChangeRules.NormaliseNeeds(given) : pupil.NeedList;
        if (needs.Count == 0)
            errors.Add("needs", $"{pupil.FullName} has no special educational needs recorded. Send the needs (census codes, primary first, for example [\"ASD\", \"SLCN\"]) with the plan, or record them on the pupil first.");
        if (!errors.IsValid) return Outcome<EhcPlan>.Invalid(errors);

        var current = await db.EhcPlans.AsNoTracking().Where(p => p.PupilId == pupilId && p.CeasedOn == null).FirstOrDefaultAsync(ct);
        if (current is not null)
            return Outcome<EhcPlan>.Conflict($"{pupil.FullName} already has an EHC plan, issued on {Dates.Long(current.IssuedOn)}. Record an annual review or amendment on it, or record the LA's decision to cease it first.");

        var issued = input.IssuedOn!.Value;
        var la = input.LocalAuthority!.Trim();
        var reason = $"EHC plan issued by LA {la} ({LocalAuthorities.NameOf(la)})";
        var previous = await db.SenStatusChanges.Where(c => c.PupilId == pupilId).OrderByDescending(c => c.EffectiveFrom)
            .Select(c => (DateOnly?)c.EffectiveFrom).FirstOrDefaultAsync(ct);
        // A pupil already on E from a later date (a plan recorded after the fact) keeps their history as it is:
        // history is never rewritten. Anyone else moves to E from the issue date through the usual rules.
        var alreadyE = pupil.SenStatus == SenStatus.E;
        var recordChange = !(alreadyE && previous is { } p && issued < p);
        if (recordChange)
        {
            var senErrors = SenChangeRules.Validate(new SenChange("E", needs, issued, reason), previous, Today);
            foreach (var (field, messages) in senErrors)
                foreach (var m in messages) errors.Add(field == "effectiveFrom" ? "issuedOn" : field, m);
            if (!errors.IsValid) return Outcome<EhcPlan>.Invalid(errors);
        }

        var now = DateTime.UtcNow;
        var plan = new EhcPlan
        {
            Id = Guid.CreateVersion7(), PupilId = pupilId, SchoolId = pupil.SchoolId, IssuedOn = issued, LocalAuthority = la,
            CaseOfficer = Clean(input.CaseOfficer), CaseOfficerEmail = Clean(input.CaseOfficerEmail), Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        ApplySections(plan, input.Sections);
        db.EhcPlans.Add(plan);

        if (recordChange)
        {
            var before = pupil.SenStatus;
            var beforeNeeds = pupil.Needs;
            PupilCommands.ApplySen(pupil, SenStatus.E, needs, issued);
            pupil.Version++;
            pupil.UpdatedAt = now;
            db.SenStatusChanges.Add(new SenStatusChange
            {
                PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = SenStatus.E, Needs = string.Join(',', needs), EffectiveFrom = issued,
                Reason = reason, RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
            });
            db.PupilEvents.Add(new PupilEvent
            {
                PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.SenStatusChanged, OccurredOn = issued,
                Summary = PupilCommands.DescribeSenChange(before, beforeNeeds, SenStatus.E, needs), Reason = reason,
                RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
            });
        }
        else
        {
            Event(pupil, issued, reason, now);
        }

        // The request that led to this plan is finished: its 20-week clock stops.
        var openRequests = (await db.EhcNeedsAssessments.Where(a => a.PupilId == pupilId).ToListAsync(ct))
            .Where(a => a.Status is AssessmentStatus.DraftPlanIssued && issued >= NeedsAssessmentClock.DraftCommentWindowEnds(a.DraftPlanServedOn!.Value));
        foreach (var a in openRequests) { a.FinalPlanIssuedOn = issued; a.Version++; a.UpdatedAt = now; }

        db.Audit(user.Actor, "ehc.plan.issue", $"{reason}, issued on {Dates.Long(issued)}", pupil.SchoolId, pupil.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<EhcPlan>.Conflict("Someone else changed this pupil's record while the plan was being saved. Nothing has been saved; try again.");
        }
        return Outcome<EhcPlan>.Ok(plan);
    }

    public async Task<Outcome<EhcPlan>> UpdatePlanAsync(Guid planId, PlanEdit input, int expectedVersion, CancellationToken ct = default)
    {
        var found = await Finder.PlanAsync(planId, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return found;
        var plan = found.Value!;
        var errors = new ValidationErrors();
        if (input.LocalAuthority is not null) EhcRules.ValidateLocalAuthority(input.LocalAuthority, errors);
        ValidatePlanText(input.CaseOfficer, input.CaseOfficerEmail, input.Sections, errors);
        if (!errors.IsValid) return Outcome<EhcPlan>.Invalid(errors);
        if (plan.Version != expectedVersion) return Outcome<EhcPlan>.Conflict(Stale("plan", plan.UpdatedAt), current: plan);

        var changed = new List<string>();
        if (input.LocalAuthority is { } la && la.Trim() != plan.LocalAuthority) { changed.Add($"local authority {plan.LocalAuthority} → {la.Trim()}"); plan.LocalAuthority = la.Trim(); }
        if (input.CaseOfficer is not null && Clean(input.CaseOfficer) != plan.CaseOfficer) { changed.Add("case officer"); plan.CaseOfficer = Clean(input.CaseOfficer); }
        if (input.CaseOfficerEmail is not null && Clean(input.CaseOfficerEmail) != plan.CaseOfficerEmail) { changed.Add("case officer's email"); plan.CaseOfficerEmail = Clean(input.CaseOfficerEmail); }
        foreach (var key in SectionKeys)
        {
            if (input.Sections is null || !input.Sections.TryGetValue(key, out var text)) continue;
            if (Clean(text) == plan.Section(key)) continue;
            changed.Add($"section {key}");
        }
        ApplySections(plan, input.Sections);
        if (changed.Count == 0) return Outcome<EhcPlan>.Ok(plan);
        var now = DateTime.UtcNow;
        plan.Version++;
        plan.UpdatedAt = now;
        db.Audit(user.Actor, "ehc.plan.update", "EHC plan changed: " + string.Join(", ", changed), plan.SchoolId, plan.PupilId);
        return await SaveAsync(plan, () => Stale("plan", plan.UpdatedAt), ct);
    }

    public async Task<Outcome<EhcPlan>> AddNeedAsync(Guid planId, NeedInput input, CancellationToken ct = default)
    {
        var found = await Finder.PlanAsync(planId, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return found;
        var plan = found.Value!;
        if (plan.IsCeased) return Outcome<EhcPlan>.Conflict(CeasedMessage(plan));
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Description)) errors.Add("description", "Describe the need, as section B of the plan states it");
        else if (input.Description.Length > EhcRules.MaxTextLength) errors.Add("description", EhcRules.TooLong(EhcRules.MaxTextLength));
        var needType = string.IsNullOrWhiteSpace(input.NeedType) ? null : input.NeedType.Trim().ToUpperInvariant();
        if (needType is not null && (!NeedTypes.TryGet(needType, out _) || needType == "NSA")) errors.Add("needType", $"\"{input.NeedType}\" is not a census SEN type code for a plan");
        var outcomes = (input.Outcomes ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();
        if (outcomes.Any(o => o.Length > EhcRules.MaxTextLength)) errors.Add("outcomes", EhcRules.TooLong(EhcRules.MaxTextLength));
        var provision = (input.Provision ?? []).Where(p => !(string.IsNullOrWhiteSpace(p.Description) && p.HoursPerWeek is null && p.AnnualCost is null)).ToList();
        for (var i = 0; i < provision.Count; i++)
            errors.Merge(EhcRules.ValidateProvision(provision[i].Description, provision[i].HoursPerWeek, provision[i].AnnualCost, $"provision[{i}]."));
        if (!errors.IsValid) return Outcome<EhcPlan>.Invalid(errors);

        var need = new EhcNeed
        {
            PlanId = plan.Id, SchoolId = plan.SchoolId, Order = plan.Needs.Count == 0 ? 1 : plan.Needs.Max(n => n.Order) + 1,
            NeedType = needType, Description = input.Description!.Trim(),
            Outcomes = outcomes.Select(o => new EhcOutcome { SchoolId = plan.SchoolId, Description = o }).ToList(),
            Provision = provision.Select(p => new EhcProvision
            {
                SchoolId = plan.SchoolId, Description = p.Description!.Trim(), HoursPerWeek = p.HoursPerWeek, AnnualCost = p.AnnualCost, FundedBy = Clean(p.FundedBy),
            }).ToList(),
        };
        plan.Needs.Add(need);
        plan.Version++;
        plan.UpdatedAt = DateTime.UtcNow;
        db.Audit(user.Actor, "ehc.plan.need", $"Need added to section B with {need.Outcomes.Count} outcome(s) and {need.Provision.Count} provision(s)", plan.SchoolId, plan.PupilId);
        return await SaveAsync(plan, () => Stale("plan", plan.UpdatedAt), ct);
    }

    public async Task<Outcome<EhcPlan>> RemoveNeedAsync(Guid planId, long needId, CancellationToken ct = default)
    {
        var found = await Finder.PlanAsync(planId, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return found;
        var plan = found.Value!;
        if (plan.IsCeased) return Outcome<EhcPlan>.Conflict(CeasedMessage(plan));
        var need = plan.Needs.FirstOrDefault(n => n.Id == needId);
        if (need is null) return Outcome<EhcPlan>.NotFound();
        plan.Needs.Remove(need);
        db.EhcNeeds.Remove(need);
        plan.Version++;
        plan.UpdatedAt = DateTime.UtcNow;
        db.Audit(user.Actor, "ehc.plan.need.remove", "Need removed from section B with its outcomes and provision", plan.SchoolId, plan.PupilId);
        return await SaveAsync(plan, () => Stale("plan", plan.UpdatedAt), ct);
    }

    // ---- Annual reviews ----

    public async Task<Outcome<(EhcPlan Plan, AnnualReview Review)>> ScheduleReviewAsync(Guid planId, DateOnly? meetingOn, CancellationToken ct = default)
    {
        var found = await Finder.PlanAsync(planId, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return Outcome<(EhcPlan, AnnualReview)>.From(found);
        var plan = found.Value!;
        if (plan.IsCeased) return Outcome<(EhcPlan, AnnualReview)>.Conflict(CeasedMessage(plan));
        var errors = EhcRules.ValidateMeeting(meetingOn, plan.IssuedOn);
        if (!errors.IsValid) return Outcome<(EhcPlan, AnnualReview)>.Invalid(errors);
        if (plan.Reviews.FirstOrDefault(r => r.HeldOn is null) is { } pending)
            return Outcome<(EhcPlan, AnnualReview)>.Conflict($"A review meeting is already arranged for {Dates.Long(pending.MeetingOn)}. Record that meeting, or change its date, rather than arranging another.");
        var now = DateTime.UtcNow;
        var review = new AnnualReview
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, PupilId = plan.PupilId, SchoolId = plan.SchoolId, MeetingOn = meetingOn!.Value,
            Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        // Added through the DbSet: a new entity with its key already set would otherwise be taken for an existing one.
        db.AnnualReviews.Add(review);
        plan.Reviews.Add(review);
        var summary = $"Annual review meeting arranged for {Dates.Long(review.MeetingOn)}";
        Event(plan.PupilId, plan.SchoolId, Today, summary, now);
        db.Audit(user.Actor, "ehc.review.schedule", summary, plan.SchoolId, plan.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<(EhcPlan, AnnualReview)>.Ok((plan, review));
    }

    public async Task<Outcome<(EhcPlan Plan, AnnualReview Review)>> RecordReviewAsync(Guid planId, Guid reviewId, ReviewInput input, int? expectedVersion, CancellationToken ct = default)
    {
        var found = await Finder.PlanAsync(planId, Permission.ManageEhc, ct, track: true);
        if (!found.IsOk) return Outcome<(EhcPlan, AnnualReview)>.From(found);
        var plan = found.Value!;
        var review = plan.Reviews.FirstOrDefault(r => r.Id == reviewId);
        if (review is null) return Outcome<(EhcPlan, AnnualReview)>.NotFound();
        if (plan.IsCeased) return Outcome<(EhcPlan, AnnualReview)>.Conflict(CeasedMessage(plan));

        var errors = new ValidationErrors();
        var meetingOn = input.MeetingOn ?? review.MeetingOn;
        if (input.MeetingOn is { } moved && moved != review.MeetingOn)
        {
            if (review.HeldOn is not null) errors.Add("meetingOn", "The meeting has been held: record the date it was held instead");
            else errors.Merge(EhcRules.ValidateMeeting(moved, plan.IssuedOn));
        }
        var record = new ReviewRecord(meetingOn, input.HeldOn ?? review.HeldOn, input.InvitationsSentOn ?? review.InvitationsSentOn,
            input.AdviceCirculatedOn ?? review.AdviceCirculatedOn, input.ReportSentOn ?? review.ReportSentOn, input.LaDecisionOn ?? review.LaDecisionOn,
            input.AmendmentsProposedOn ?? review.AmendmentsProposedOn, input.AmendedPlanIssuedOn ?? review.AmendedPlanIssuedOn);
        var recommendation = input.Recommendation ?? review.Recommendation?.ToString();
        errors.Merge(EhcRules.ValidateReview(record, recommendation, plan.IssuedOn, Today));
        // Another review already held on a later date: this one cannot become the latest out of order.
        if (record.HeldOn is { } h && plan.Reviews.Any(r => r.Id != review.Id && r.HeldOn is { } other && other > h && review.HeldOn is null))
            errors.Add("heldOn", "A later review has already been recorded for this plan");

        var laDecisionText = input.LaDecision ?? review.LaDecision?.ToString();
        ReviewRecommendation? laDecision = null;
        if (!string.IsNullOrWhiteSpace(laDecisionText))
        {
            if (!EhcRules.TryParseRecommendation(laDecisionText, out var d)) errors.Add("laDecision", "Select the local authority's decision: Maintain, Amend or Cease");
            else laDecision = d;
        }
        if (laDecision is not null && record.LaDecisionOn is null) errors.Add("laDecisionOn", "Enter the date of the local authority's decision");
        if (laDecision is null && record.LaDecisionOn is not null) errors.Add("laDecision", "Select the local authority's decision: Maintain, Amend or Cease");
        foreach (var (field, text) in new[] { ("attendees", input.Attendees), ("pupilViews", input.PupilViews), ("parentViews", input.ParentViews), ("amendments", input.Amendments) })
            if (text is { Length: > EhcRules.MaxTextLength }) errors.Add(field, EhcRules.TooLong(EhcRules.MaxTextLength));

        var outcomeIds = plan.Needs.SelectMany(n => n.Outcomes).Select(o => o.Id).ToHashSet();
        var progress = new List<(long OutcomeId, OutcomeProgress Progress, string? Note)>();
        foreach (var (p, i) in (input.Progress ?? []).Select((p, i) => (p, i)))
        {
            if (p.OutcomeId is not { } oid || !outcomeIds.Contains(oid)) { errors.Add($"progress[{i}].outcomeId", "Choose an outcome from section E of this plan"); continue; }
            if (!EhcRules.TryParseProgress(p.Progress, out var value)) { errors.Add($"progress[{i}].progress", "Select the progress: " + string.Join(", ", Enum.GetNames<OutcomeProgress>())); continue; }
            if (p.Note is { Length: > 4000 }) { errors.Add($"progress[{i}].note", EhcRules.TooLong(4000)); continue; }
            progress.Add((oid, value, Clean(p.Note)));
        }
        if (progress.Count > 0 && record.HeldOn is null) errors.Add("heldOn", "Enter the date the meeting was held before recording progress");
        if (!errors.IsValid) return Outcome<(EhcPlan, AnnualReview)>.Invalid(errors);
        if (expectedVersion is { } v && v != review.Version) return Outcome<(EhcPlan, AnnualReview)>.Conflict(Stale("review", review.UpdatedAt), current: (plan, review));

        var now = DateTime.UtcNow;
        var events = new List<(DateOnly On, string Summary)>();
        if (review.HeldOn is null && record.HeldOn is { } heldNow)
            events.Add((heldNow, $"Annual review meeting held; recommendation: {recommendation}"));
        if (review.LaDecision is null && laDecision is { } dec)
            events.Add((record.LaDecisionOn!.Value, $"Local authority decided to {dec.ToString().ToLowerInvariant()} the EHC plan after the annual review"));
        if (review.AmendedPlanIssuedOn is null && record.AmendedPlanIssuedOn is { } amendedOn)
            events.Add((amendedOn, "Amended EHC plan issued"));

        review.MeetingOn = meetingOn;
        review.HeldOn = record.HeldOn;
        review.InvitationsSentOn = record.InvitationsSentOn;
        review.AdviceCirculatedOn = record.AdviceCirculatedOn;
        review.ReportSentOn = record.ReportSentOn;
        review.LaDecisionOn = record.LaDecisionOn;
        review.AmendmentsProposedOn = record.AmendmentsProposedOn;
        review.AmendedPlanIssuedOn = record.AmendedPlanIssuedOn;
        review.LaDecision = laDecision;
        if (recommendation is not null && EhcRules.TryParseRecommendation(recommendation, out var rec)) review.Recommendation = rec;
        if (input.Attendees is not null) review.Attendees = Clean(input.Attendees);
        if (input.PupilViews is not null) review.PupilViews = Clean(input.PupilViews);
        if (input.ParentViews is not null) review.ParentViews = Clean(input.ParentViews);
        if (input.Amendments is not null) review.Amendments = Clean(input.Amendments);
        foreach (var (oid, value, note) in progress)
        {
            var row = review.Progress.FirstOrDefault(x => x.OutcomeId == oid);
            if (row is null) review.Progress.Add(new ReviewOutcomeProgress { ReviewId = review.Id, OutcomeId = oid, SchoolId = plan.SchoolId, Progress = value, Note = note });
            else { row.Progress = value; row.Note = note; }
        }
        review.Version++;
        review.UpdatedAt = now;

        // The LA's decision to cease ends the plan from the date of that decision (CAFA s45). The pupil's SEN
        // status is left for the SENCO to change: whether they move to K or N is a separate judgement.
        if (laDecision == ReviewRecommendation.Cease)
        {
            plan.CeasedOn = record.LaDecisionOn;
            plan.CeasedReason = $"The local authority decided to cease the plan after the annual review held on {Dates.Long(record.HeldOn!.Value)}";
            plan.Version++;
            plan.UpdatedAt = now;
            events.Add((record.LaDecisionOn!.Value, "EHC plan ceased"));
        }
        foreach (var (on, summary) in events) Event(plan.PupilId, plan.SchoolId, on, summary, now);
        db.Audit(user.Actor, "ehc.review.record", events.Count > 0 ? string.Join("; ", events.Select(e => e.Summary)) : $"Annual review of {Dates.Long(review.MeetingOn)} updated", plan.SchoolId, plan.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var again = await Finder.PlanAsync(planId, Permission.ManageEhc, ct);
            var fresh = again.Value?.Reviews.FirstOrDefault(r => r.Id == reviewId);
            return Outcome<(EhcPlan, AnnualReview)>.Conflict(Stale("review", fresh?.UpdatedAt ?? now), current: fresh is null ? default : (again.Value!, fresh));
        }
        return Outcome<(EhcPlan, AnnualReview)>.Ok((plan, review));
    }

    // ---- helpers ----

    private static readonly string[] SectionKeys = ["A", "C", "D", "G", "H1", "H2", "I", "J", "K"];

    private static void ValidatePlanText(string? caseOfficer, string? email, IReadOnlyDictionary<string, string?>? sections, ValidationErrors errors)
    {
        if (caseOfficer is { Length: > EhcRules.MaxShortTextLength }) errors.Add("caseOfficer", EhcRules.TooLong(EhcRules.MaxShortTextLength));
        if (!string.IsNullOrWhiteSpace(email) && (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)))
            errors.Add("caseOfficerEmail", "Enter an email address in the right format, like name@example.gov.uk");
        if (sections is null) return;
        foreach (var (key, text) in sections)
        {
            if (!SectionKeys.Contains(key)) errors.Add("sections", $"\"{key}\" is not a text section: use A, C, D, G, H1, H2, I, J or K (B, E and F are recorded as needs)");
            else if (text is { Length: > EhcRules.MaxTextLength }) errors.Add($"sections.{key}", EhcRules.TooLong(EhcRules.MaxTextLength));
        }
    }

    private static void ApplySections(EhcPlan plan, IReadOnlyDictionary<string, string?>? sections)
    {
        if (sections is null) return;
        foreach (var (key, raw) in sections)
        {
            var text = Clean(raw);
            switch (key)
            {
                case "A": plan.SectionA = text; break;
                case "C": plan.SectionC = text; break;
                case "D": plan.SectionD = text; break;
                case "G": plan.SectionG = text; break;
                case "H1": plan.SectionH1 = text; break;
                case "H2": plan.SectionH2 = text; break;
                case "I": plan.SectionI = text; break;
                case "J": plan.SectionJ = text; break;
                case "K": plan.SectionK = text; break;
            }
        }
    }

    private static List<EhcEvidence> ValidateEvidence(IReadOnlyList<EvidenceInput>? items, ValidationErrors errors, bool prefix = true)
    {
        var list = new List<EhcEvidence>();
        foreach (var (e, i) in (items ?? []).Select((e, i) => (e, i)))
        {
            var p = prefix ? $"evidence[{i}]." : "";
            var ok = true;
            if (!EhcRules.TryParseEvidenceKind(e.Kind, out var kind)) { errors.Add(p + "kind", "Select the kind of evidence: " + string.Join(", ", Enum.GetNames<EvidenceKind>())); ok = false; }
            if (string.IsNullOrWhiteSpace(e.Title)) { errors.Add(p + "title", "Enter a title for the evidence, for example 'Educational psychologist report'"); ok = false; }
            else if (e.Title.Trim().Length > 300) { errors.Add(p + "title", EhcRules.TooLong(300)); ok = false; }
            if (ok) list.Add(new EhcEvidence { Kind = kind, Title = e.Title!.Trim(), Dated = e.Dated });
        }
        return list;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string CeasedMessage(EhcPlan plan) =>
        $"This EHC plan ceased on {Dates.Long(plan.CeasedOn!.Value)}. A ceased plan cannot be reviewed or changed; issue a new plan if the local authority makes one.";

    private static string Stale(string what, DateTime at) =>
        $"Someone else changed this {what} at {at:HH:mm} on {Dates.Long(DateOnly.FromDateTime(at))} while you were editing. Your changes have not been saved. Check it as it is now and make your changes again.";

    private async Task<Outcome<T>> SaveAsync<T>(T value, Func<string> stale, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Conflict(stale());
        }
    }

    private void Event(Pupil pupil, DateOnly on, string summary, DateTime now) => Event(pupil.Id, pupil.SchoolId, on, summary, now);

    private void Event(Guid pupilId, int schoolId, DateOnly on, string summary, DateTime now) =>
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupilId, SchoolId = schoolId, Kind = PupilEventKind.Ehc, OccurredOn = on, Summary = summary,
            RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
}

public static class EhcOutcomeExtensions
{
    extension<T>(Outcome<T>)
    {
        /// Passes on a failed outcome of another type (not found, forbidden, invalid, conflict) unchanged.
        public static Outcome<T> From<TOther>(Outcome<TOther> other) => new(other.Kind, default, other.Errors, other.Message);
    }
}
