using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Team;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// The team around the child over HTTP (issue 6). Reads of pupil data are audited like the pages.
public static class TeamApi
{
    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");
    private static string Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ");

    public static object Dto(Agency a) => new { a.Id, a.Name, kind = a.Kind.ToString(), a.ContactName, a.Phone, a.Email, a.Address, a.Notes, a.Archived, a.Version };
    public static object Dto(AgencyWaits w) => new
    {
        w.Agency.Id, w.Agency.Name, kind = w.Agency.Kind.ToString(), w.Agency.ContactName, w.Agency.Phone, w.Agency.Email, w.Agency.Address, w.Agency.Notes, w.Agency.Archived, w.Agency.Version,
        waitingTimes = new { seen = w.Waits.Seen, averageDays = w.Waits.AverageDays, longestDays = w.Waits.LongestDays, waiting = w.Waits.Waiting, longestWaitingDays = w.Waits.LongestWaitingDays },
    };
    public static object Dto(Referral r) => new
    {
        r.Id, r.PupilId, r.AgencyId, agency = r.Agency?.Name, r.Reason, sentOn = D(r.SentOn), r.ConsentId,
        consentInPlace = r.Consent is { WithdrawnOn: null }, consent = r.Consent is null ? null : Dto(r.Consent),
        status = r.Status.ToString(), seenOn = D(r.SeenOn), waitDays = TeamRules.WaitDays(r), r.Outcome, r.CreatedBy, r.Version,
    };
    public static object Dto(PupilContact c) => new { c.Id, c.Name, c.Relationship, c.ParentalResponsibility, c.Phone, c.Email, preferredMethod = c.PreferredMethod.ToString(), c.Notes, c.Version };
    public static object Dto(ConsentRecord c) => new { c.Id, c.Purpose, c.GivenBy, givenOn = D(c.GivenOn), withdrawnOn = D(c.WithdrawnOn), inPlace = c.InPlace, c.Notes, c.RecordedBy };
    public static object Dto(CommunicationEntry e) => new { e.Id, on = D(e.On), kind = e.Kind.ToString(), e.With, e.Summary, e.RecordedBy, recordedAt = Utc(e.RecordedAt) };
    public static object Dto(MeetingAction a) => new { a.Id, a.MeetingId, meeting = a.Meeting?.Title, a.Description, a.OwnerUserId, a.OwnerName, dueOn = D(a.DueOn), doneOn = D(a.DoneOn), done = a.DoneOn is not null };
    public static object Dto(Meeting m) => new
    {
        m.Id, m.Title, kind = m.Kind.ToString(), startsAt = m.StartsAt.ToString("yyyy-MM-ddTHH:mm"), m.DurationMinutes, m.Location, m.PupilId,
        m.Invited, m.Attendees, m.Notes, m.Version, actions = m.Actions.OrderBy(a => a.DueOn).Select(Dto).ToList(),
    };
    public static object Dto(PupilVoice v) => new { v.Id, on = D(v.On), context = v.Context.ToString(), v.Words, v.CapturedBy, v.How, v.Version };
    public static object Dto(SafeguardingFlags? f) => new
    {
        childProtection = f?.ChildProtection ?? false, childInNeed = f?.ChildInNeed ?? false, lookedAfter = f?.LookedAfter ?? false,
        virtualSchoolContact = f?.VirtualSchoolContact, designatedTeacher = f?.DesignatedTeacher, version = f?.Version ?? 0,
    };
    public static object NoteSummary(RestrictedNote n) => new { n.Id, category = n.Category.ToString(), n.Title, n.WrittenBy, writtenAt = Utc(n.WrittenAt) };
    public static object Dto(RestrictedNote n) => new { n.Id, n.PupilId, category = n.Category.ToString(), n.Title, n.Text, n.WrittenBy, writtenAt = Utc(n.WrittenAt) };
    public static object Dto(EarlyHelpPlan p) => new
    {
        p.Id, p.PupilId, startedOn = D(p.StartedOn), p.LeadProfessional, p.Needs, p.Outcomes, status = p.Status.ToString(), nextReviewOn = D(p.NextReviewOn),
        reviews = p.Reviews.OrderBy(r => r.HeldOn).Select(Dto).ToList(),
    };
    public static object Dto(EarlyHelpReview r) => new { r.Id, heldOn = D(r.HeldOn), r.Progress, nextReviewOn = D(r.NextReviewOn), r.RecordedBy };
    public static object Dto(TeamDocument d) => new { d.Id, d.FileName, d.ContentType, d.Size, d.Description, d.UploadedBy, uploadedAt = Utc(d.UploadedAt), href = $"/api/v1/documents/{d.Id}" };
    public static object Dto(TeamSettings s) => new
    {
        s.DslUserId, s.DeputyDslUserId, s.DesignatedTeacherUserId, restrictedNoteRoles = RestrictedNoteRules.AllowedRoles(s.RestrictedNoteRoles).Select(r => r.ToString()).ToList(),
        s.MaxUploadMegabytes, s.Version,
    };

    private static IResult R<T>(Outcome<T> o, Func<T, IResult> ok) => ApiJson.ToResult(o, ok);

    private static IResult Conflict<T>(Outcome<T> o, Func<T, object> dto) where T : class =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: o.Message,
            extensions: new Dictionary<string, object?> { ["current"] = o.Value is null ? null : dto(o.Value) });

    public static void MapTeamApi(RouteGroupBuilder g)
    {
        // The pupil picker's search (name words, UPN, year group): pupils on roll of one school, for those who may see
        // pupils there; audited like a pupil list.
        g.MapGet("/schools/{urn}/pupil-search", async (string urn, string? q, Shared.Access.UserContext user, Shared.PupilPicker picker, CancellationToken ct) =>
        {
            var s = user.School(urn);
            if (s is null) return TypedResults.NotFound();
            if (!s.Can(Permission.ViewPupils)) return ApiJson.ToResult(Outcome<object>.Forbidden(), _ => TypedResults.Ok());
            var search = Senco.Core.Pupils.PupilSearch.Parse(q);
            if (search.IsEmpty) return TypedResults.Ok(new { total = 0, matches = Array.Empty<object>() });
            var (matches, total) = await picker.SearchAsync(s, search, ct);
            return TypedResults.Ok(new { total, matches = matches.Select(m => new { m.Id, m.Forename, m.Surname, m.Upn, yearGroup = m.YearGroup, label = m.Label }).ToList() });
        }).WithSummary($"Find a pupil on roll by name, UPN or year group (\"Sam year 5\"): the first {Shared.PupilPicker.Limit} matches and how many matched.");

        // Agencies and referrals
        g.MapGet("/schools/{urn}/agencies", async (string urn, Shared.Access.UserContext user, TeamQueries q, CancellationToken ct) =>
        {
            var s = user.School(urn);
            if (s is null) return TypedResults.NotFound();
            if (!s.Can(Permission.ViewTeam)) return ApiJson.ToResult(Outcome<object>.Forbidden(), _ => TypedResults.Ok());
            return TypedResults.Ok((await q.AgenciesAsync(s.SchoolId, ct)).Select(Dto).ToList());
        }).WithSummary("The agencies directory with each agency's waiting times (days from sent to seen).");

        g.MapPost("/schools/{urn}/agencies", async (string urn, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<AgencyInput>(http);
            if (error is not null) return error;
            return R(await c.CreateAgencyAsync(urn, input!, http.RequestAborted), a => TypedResults.Created($"/api/v1/agencies/{a.Id}", Dto(a)));
        }).WithSummary("Add an agency: name, kind, contact.");

        g.MapPut("/agencies/{id:guid}", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<AgencyInput>(http);
            if (error is not null) return error;
            var o = await c.UpdateAgencyAsync(id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : R(o, a => TypedResults.Ok(Dto(a)));
        }).WithSummary("Correct an agency: name, kind, contactName, phone, email, address, notes, archived (hidden from the referral picker, kept for history), version (409 with `current` if stale).");

        g.MapGet("/pupils/{id:guid}/referrals", async (Guid id, TeamAccess access, TeamQueries q, AuditLog audit, CancellationToken ct) =>
        {
            var p = await access.PupilAsync(id, Permission.ViewTeam, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            audit.Read("referral.list", $"API read of the referrals of {p.Value!.Upn}", p.Value.SchoolId, id);
            return TypedResults.Ok((await q.PupilAsync(id, ct)).Referrals.Select(Dto).ToList());
        });

        g.MapPost("/pupils/{id:guid}/referrals", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ReferralInput>(http);
            if (error is not null) return error;
            return R(await c.CreateReferralAsync(id, input!, http.RequestAborted), r => TypedResults.Created($"/api/v1/referrals/{r.Id}", Dto(r)));
        }).WithSummary("Refer a pupil to an agency: agencyId, reason, status (Draft, Sent, Accepted, Seen, Closed, Declined), sentOn, consentId, seenOn, outcome.");

        g.MapGet("/referrals/{id:guid}", async (Guid id, TeamAccess access, AuditLog audit, CancellationToken ct) =>
        {
            var r = await access.ReferralAsync(id, Permission.ViewTeam, ct: ct);
            if (r.IsOk) audit.Read("referral.read", "API read of a referral", r.Value!.SchoolId, r.Value.PupilId);
            return R(r, v => TypedResults.Ok(Dto(v)));
        });

        g.MapPut("/referrals/{id:guid}", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ReferralInput>(http);
            if (error is not null) return error;
            var o = await c.UpdateReferralAsync(id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : R(o, r => TypedResults.Ok(Dto(r)));
        }).WithSummary("Change a referral with the version you read (409 with `current` if stale).");

        // Parents and carers, consent, communication log
        g.MapGet("/pupils/{id:guid}/contacts", async (Guid id, TeamAccess access, TeamQueries q, AuditLog audit, CancellationToken ct) =>
        {
            var p = await access.PupilAsync(id, Permission.ViewTeam, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            audit.Read("contact.list", $"API read of the contacts of {p.Value!.Upn}", p.Value.SchoolId, id);
            return TypedResults.Ok((await q.PupilAsync(id, ct)).Contacts.Select(Dto).ToList());
        });
        g.MapPost("/pupils/{id:guid}/contacts", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ContactInput>(http);
            if (error is not null) return error;
            return R(await c.AddContactAsync(id, input!, http.RequestAborted), v => TypedResults.Created($"/api/v1/pupils/{id}/contacts", Dto(v)));
        }).WithSummary("Add a parent, carer or other contact: name, relationship, parentalResponsibility, phone, email, preferredMethod (Phone, Email, Letter, InPerson, Text).");
        g.MapPut("/contacts/{id:guid}", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ContactInput>(http);
            if (error is not null) return error;
            var o = await c.UpdateContactAsync(id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : R(o, v => TypedResults.Ok(Dto(v)));
        }).WithSummary("Correct a contact with the version you read (409 with `current` if stale): the same fields as adding one.");

        g.MapGet("/pupils/{id:guid}/consents", async (Guid id, TeamAccess access, TeamQueries q, AuditLog audit, CancellationToken ct) =>
        {
            var p = await access.PupilAsync(id, Permission.ViewTeam, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            audit.Read("consent.list", $"API read of the consent records of {p.Value!.Upn}", p.Value.SchoolId, id);
            return TypedResults.Ok((await q.PupilAsync(id, ct)).Consents.Select(Dto).ToList());
        });
        g.MapPost("/pupils/{id:guid}/consents", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ConsentInput>(http);
            if (error is not null) return error;
            return R(await c.AddConsentAsync(id, input!, http.RequestAborted), v => TypedResults.Created($"/api/v1/pupils/{id}/consents", Dto(v)));
        }).WithSummary("Record consent: purpose, givenBy, givenOn (not in the future).");
        g.MapPost("/consents/{id:guid}/withdraw", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<WithdrawInput>(http);
            if (error is not null) return error;
            return R(await c.WithdrawConsentAsync(id, input!, http.RequestAborted), v => TypedResults.Ok(Dto(v)));
        }).WithSummary("Record that consent was withdrawn on a date.");

        g.MapGet("/pupils/{id:guid}/communications", async (Guid id, TeamAccess access, TeamQueries q, AuditLog audit, CancellationToken ct) =>
        {
            var p = await access.PupilAsync(id, Permission.ViewTeam, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            audit.Read("communication.list", $"API read of the communication log of {p.Value!.Upn}", p.Value.SchoolId, id);
            return TypedResults.Ok((await q.PupilAsync(id, ct)).Communications.Select(Dto).ToList());
        });
        g.MapPost("/pupils/{id:guid}/communications", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<CommunicationInput>(http);
            if (error is not null) return error;
            return R(await c.LogAsync(id, input!, http.RequestAborted), v => TypedResults.Created($"/api/v1/pupils/{id}/communications", Dto(v)));
        }).WithSummary("Log a call, email, meeting or letter: on, kind (Call, Email, Meeting, Letter, ParentsEvening, Other), with, summary.");

        // Meetings and tasks
        g.MapGet("/schools/{urn}/meetings", async (string urn, bool? past, Shared.Access.UserContext user, TeamQueries q, CancellationToken ct) =>
        {
            var s = user.School(urn);
            if (s is null) return TypedResults.NotFound();
            if (!s.Can(Permission.ViewTeam)) return ApiJson.ToResult(Outcome<object>.Forbidden(), _ => TypedResults.Ok());
            return TypedResults.Ok((await q.MeetingsAsync(s.SchoolId, upcoming: past != true, ct)).Select(m => Dto(m.Meeting)).ToList());
        }).WithSummary("Meetings from today on (or `?past=true`), with their actions.");
        g.MapPost("/schools/{urn}/meetings", async (string urn, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<MeetingInput>(http);
            if (error is not null) return error;
            return R(await c.CreateMeetingAsync(urn, input!, http.RequestAborted), m => TypedResults.Created($"/api/v1/meetings/{m.Id}", Dto(m)));
        }).WithSummary("Schedule a meeting: title, kind (Review, PupilProgress, MultiAgency, ParentsEvening, EarlyHelp, Other), startsAt (local yyyy-MM-ddTHH:mm), durationMinutes, location, pupilId, invited.");
        g.MapGet("/meetings/{id:guid}", async (Guid id, TeamAccess access, AuditLog audit, CancellationToken ct) =>
        {
            var m = await access.MeetingAsync(id, Permission.ViewTeam, ct: ct);
            if (m.IsOk && m.Value!.PupilId is not null) audit.Read("meeting.read", $"API read of {m.Value.Title}", m.Value.SchoolId, m.Value.PupilId);
            return R(m, v => TypedResults.Ok(Dto(v)));
        });
        g.MapPut("/meetings/{id:guid}", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<MeetingInput>(http);
            if (error is not null) return error;
            var o = await c.UpdateMeetingAsync(id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : R(o, m => TypedResults.Ok(Dto(m)));
        }).WithSummary("Record attendees and notes (or reschedule) with the version you read.");
        g.MapPost("/meetings/{id:guid}/actions", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ActionInput>(http);
            if (error is not null) return error;
            return R(await c.AddActionAsync(id, input!, http.RequestAborted), a => TypedResults.Created($"/api/v1/meeting-actions/{a.Id}", Dto(a)));
        }).WithSummary("Add an action: description, ownerUserId (required: a member of staff), dueOn.");
        g.MapPost("/meeting-actions/{id:guid}/done", async (Guid id, TeamCommands c, CancellationToken ct) =>
            R(await c.CompleteActionAsync(id, true, ct), a => TypedResults.Ok(Dto(a)))).WithSummary("Mark an action done (its owner or a SENCO).");
        g.MapGet("/me/tasks", async (TeamCommands c, CancellationToken ct) =>
            TypedResults.Ok((await c.MyTasksAsync(ct: ct)).Select(Dto).ToList())).WithSummary("Your open actions from meetings, soonest due first.");
        g.MapGet("/meetings/{id:guid}/invitation.ics", async (Guid id, TeamAccess access, CancellationToken ct) =>
        {
            var m = await access.MeetingAsync(id, Permission.ViewTeam, ct: ct);
            if (!m.IsOk) return R(m, _ => TypedResults.Ok());
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Invitation(m.Value!)), "text/calendar", $"meeting-{m.Value!.StartsAt:yyyy-MM-dd}.ics");
        }).WithSummary("The meeting as an iCalendar invitation.");

        // Pupil voice
        g.MapGet("/pupils/{id:guid}/voice", async (Guid id, TeamAccess access, TeamQueries q, AuditLog audit, CancellationToken ct) =>
        {
            var p = await access.PupilAsync(id, Permission.ViewTeam, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            audit.Read("voice.list", $"API read of the views of {p.Value!.Upn}", p.Value.SchoolId, id);
            return TypedResults.Ok((await q.PupilAsync(id, ct)).Voices.Select(Dto).ToList());
        });
        g.MapPost("/pupils/{id:guid}/voice", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<VoiceInput>(http);
            if (error is not null) return error;
            return R(await c.AddVoiceAsync(id, input!, http.RequestAborted), v => TypedResults.Created($"/api/v1/pupils/{id}/voice", Dto(v)));
        }).WithSummary("The pupil's views in their own words: on, context (SupportPlan, Passport, Review, EhcPlan, Other), words, capturedBy, how.");
        g.MapPut("/voice/{id:guid}", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<VoiceInput>(http);
            if (error is not null) return error;
            var o = await c.UpdateVoiceAsync(id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : R(o, v => TypedResults.Ok(Dto(v)));
        }).WithSummary("Correct a record of the pupil's views with the version you read (409 with `current` if stale).");

        // Safeguarding, restricted notes, Early Help
        g.MapGet("/pupils/{id:guid}/safeguarding", async (Guid id, TeamAccess access, TeamQueries q, AuditLog audit, CancellationToken ct) =>
        {
            var p = await access.PupilAsync(id, Permission.ViewTeam, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            audit.Read("safeguarding.flags.read", $"API read of the safeguarding flags of {p.Value!.Upn}", p.Value.SchoolId, id);
            return TypedResults.Ok(Dto((await q.PupilAsync(id, ct)).Flags));
        });
        g.MapPut("/pupils/{id:guid}/safeguarding", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<FlagsInput>(http);
            if (error is not null) return error;
            var o = await c.SetFlagsAsync(id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, f => Dto(f)) : R(o, f => TypedResults.Ok(Dto(f)));
        }).WithSummary("Child protection, child in need, looked-after (with virtualSchoolContact and designatedTeacher).");
        g.MapGet("/pupils/{id:guid}/restricted-notes", async (Guid id, TeamAccess access, TeamQueries q, CancellationToken ct) =>
        {
            var p = await access.RestrictedPupilAsync(id, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            return TypedResults.Ok((await q.NoteListAsync(id, ct)).Select(NoteSummary).ToList());
        }).WithSummary("Restricted notes' titles (DSL, SENCO and the roles the school allows); open one to read it.");
        g.MapPost("/pupils/{id:guid}/restricted-notes", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<NoteInput>(http);
            if (error is not null) return error;
            return R(await c.AddNoteAsync(id, input!, http.RequestAborted), n => TypedResults.Created($"/api/v1/restricted-notes/{n.Id}", NoteSummary(n)));
        }).WithSummary("Write a restricted note: category (Safeguarding, Health), title, text.");
        g.MapGet("/restricted-notes/{id:guid}", async (Guid id, TeamCommands c, CancellationToken ct) =>
            R(await c.OpenNoteAsync(id, ct), n => TypedResults.Ok(Dto(n)))).WithSummary("Open a restricted note (audited).");

        g.MapGet("/pupils/{id:guid}/early-help-plans", async (Guid id, TeamAccess access, TeamQueries q, AuditLog audit, CancellationToken ct) =>
        {
            var p = await access.PupilAsync(id, Permission.ViewTeam, ct);
            if (!p.IsOk) return R(p, _ => TypedResults.Ok());
            audit.Read("earlyhelp.list", $"API read of the Early Help plans of {p.Value!.Upn}", p.Value.SchoolId, id);
            return TypedResults.Ok((await q.PupilAsync(id, ct)).EarlyHelp.Select(Dto).ToList());
        });
        g.MapPost("/pupils/{id:guid}/early-help-plans", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<EarlyHelpInput>(http);
            if (error is not null) return error;
            return R(await c.StartEarlyHelpAsync(id, input!, http.RequestAborted), p => TypedResults.Created($"/api/v1/pupils/{id}/early-help-plans", Dto(p)));
        });
        g.MapPost("/early-help-plans/{id:guid}/reviews", async (Guid id, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<EarlyHelpReviewInput>(http);
            if (error is not null) return error;
            return R(await c.ReviewEarlyHelpAsync(id, input!, http.RequestAborted), r => TypedResults.Created($"/api/v1/early-help-plans/{id}", Dto(r)));
        }).WithSummary("Review an Early Help plan: heldOn, progress, status (Open, Stepped, Closed), nextReviewOn.");

        // Documents: the body is the file itself; ?fileName= names it. The type is decided from the bytes.
        MapDocuments(g, "/pupils/{id:guid}/documents", id => new DocumentTarget(PupilId: id));
        MapDocuments(g, "/referrals/{id:guid}/documents", id => new DocumentTarget(ReferralId: id));
        MapDocuments(g, "/meetings/{id:guid}/documents", id => new DocumentTarget(MeetingId: id));
        MapDocuments(g, "/restricted-notes/{id:guid}/documents", id => new DocumentTarget(RestrictedNoteId: id));
        g.MapGet("/documents/{id:guid}", async (Guid id, TeamCommands c, CancellationToken ct) =>
        {
            var o = await c.DownloadAsync(id, ct);
            return R(o, v => TypedResults.File(v.Content, v.Doc.ContentType, v.Doc.FileName));
        }).WithSummary("Download a document (attachment; audited), only for those who may see what it is attached to.");
        g.MapDelete("/documents/{id:guid}", async (Guid id, TeamCommands c, CancellationToken ct) =>
            R(await c.DeleteDocumentAsync(id, ct), _ => TypedResults.NoContent()));

        // Settings: designations and who opens restricted notes
        g.MapGet("/schools/{urn}/team-settings", async (string urn, Shared.Access.UserContext user, TeamAccess access, CancellationToken ct) =>
        {
            var s = user.School(urn);
            if (s is null) return TypedResults.NotFound();
            if (!s.Can(Permission.ViewTeam)) return ApiJson.ToResult(Outcome<object>.Forbidden(), _ => TypedResults.Ok());
            return TypedResults.Ok(Dto(await access.SettingsAsync(s.SchoolId, ct)));
        });
        g.MapPut("/schools/{urn}/team-settings", async (string urn, HttpContext http, TeamCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<SettingsInput>(http);
            if (error is not null) return error;
            return R(await c.SaveSettingsAsync(urn, input!, http.RequestAborted), s => TypedResults.Ok(Dto(s)));
        }).WithSummary("Name the DSL, deputy DSL and designated teacher; list roles that may open restricted notes; the upload size limit.");

        StaffDevelopmentApi.Map(g);
    }

    private static void MapDocuments(RouteGroupBuilder g, string path, Func<Guid, DocumentTarget> target)
    {
        g.MapPost(path, async (Guid id, string? fileName, string? description, HttpContext http, TeamCommands c) =>
        {
            var data = await ReadLimitedAsync(http.Request.Body, 50 * 1024 * 1024 + 1, http.RequestAborted);
            return R(await c.UploadAsync(target(id), fileName, description, data, http.RequestAborted), d => TypedResults.Created($"/api/v1/documents/{d.Id}", Dto(d)));
        }).Accepts<byte[]>("application/pdf", "application/octet-stream").WithSummary("Attach a PDF, DOCX, PNG or JPEG (the body; ?fileName=); checked by content and size.");
        g.MapGet(path, async (Guid id, TeamCommands c, TeamAccess access, CancellationToken ct) =>
        {
            var t = target(id);
            // Listing follows the same rule as downloading: check through the thing itself.
            Outcome<bool> allowed = t switch
            {
                { RestrictedNoteId: { } n } => Map(await access.NoteAsync(n, ct)),
                { ReferralId: { } r } => Map(await access.ReferralAsync(r, Permission.ViewTeam, ct: ct)),
                { MeetingId: { } m } => Map(await access.MeetingAsync(m, Permission.ViewTeam, ct: ct)),
                _ => Map(await access.PupilAsync(t.PupilId!.Value, Permission.ViewTeam, ct)),
            };
            if (!allowed.IsOk) return R(allowed, _ => TypedResults.Ok());
            return TypedResults.Ok((await c.DocumentsAsync(t, ct)).Select(Dto).ToList());
        });
    }

    private static Outcome<bool> Map<T>(Outcome<T> o) => o.IsOk ? Outcome<bool>.Ok(true) : new(o.Kind);

    private static async Task<byte[]> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= limit) break;
        }
        return buffer.ToArray();
    }

    /// An iCalendar invitation for one meeting: times as the school's local (UK) time, no pupil name in the summary.
    public static string Invitation(Meeting m)
    {
        var calendar = new Calendar { ProductId = "-//Senco//Meeting invitation//EN", Method = "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"meeting-{m.Id}@senco",
            Summary = m.Title,
            Location = m.Location,
            Description = $"{TeamText.Kind(m.Kind)} arranged in Senco.",
            DtStart = new CalDateTime(m.StartsAt, "Europe/London"),
            DtEnd = new CalDateTime(m.StartsAt.AddMinutes(m.DurationMinutes), "Europe/London"),
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
