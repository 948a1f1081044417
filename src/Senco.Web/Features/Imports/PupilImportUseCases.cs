using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Imports;

/// An uploaded roll file with its mapping and what importing it would do.
public sealed record ImportPreview(PupilImport Import, RollFile File, ColumnMapping Mapping, ImportPlan Plan, bool MappingRemembered);

/// Upload, map, preview and start an import of pupils from a school's MIS. The work itself runs in the background
/// (<see cref="PupilImportRunner"/>), so a large file never holds up the person or anyone else.
public sealed class PupilImportCommands(SencoDbContext db, UserContext user, TimeProvider clock, ImportQueue queue)
{
    public const int MaxSourceNameLength = 60;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<PupilImport>> UploadAsync(string urn, string? fileName, byte[] content, string? sourceName, bool fullRoll, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<PupilImport>.NotFound();
        if (!school.Can(Permission.ImportPupils)) return Outcome<PupilImport>.Forbidden();
        var errors = new ValidationErrors();
        var source = string.IsNullOrWhiteSpace(sourceName) ? "MIS" : sourceName.Trim();
        if (source.Length > MaxSourceNameLength) errors.Add("sourceName", $"The name of the system must be {MaxSourceNameLength} characters or fewer");
        var (file, error) = content.Length == 0 ? (null, "Choose a CSV or Excel (.xlsx) file to upload") : RollFileReader.Read(content, fileName);
        if (error is not null) errors.Add("file", error);
        if (!errors.IsValid) return Outcome<PupilImport>.Invalid(errors);

        var remembered = await db.ImportMappings.AsNoTracking().FirstOrDefaultAsync(m => m.SchoolId == school.SchoolId && m.SourceName == source, ct);
        var mapping = remembered is not null && ColumnMapping.Deserialise(remembered.Mapping) is var r && r.FitsHeadings(file!.Headings)
            ? r : ColumnGuesser.Guess(file!.Headings);
        var import = new PupilImport
        {
            Id = Guid.CreateVersion7(),
            SchoolId = school.SchoolId,
            SourceName = source,
            FileName = SafeFileName(fileName),
            IsXlsx = RollFileReader.IsXlsx(content),
            Content = content,
            FullRoll = fullRoll,
            Mapping = mapping.Serialise(),
            Status = PupilImportStatus.Uploaded,
            RowCount = file.Rows.Count,
            RequestedById = user.UserId,
            RequestedBy = user.Actor.Name,
            RequestedFromIp = user.IpAddress,
            CreatedAt = DateTime.UtcNow,
        };
        db.PupilImports.Add(import);
        db.Audit(user.Actor, "import.upload", $"Uploaded {import.FileName} from {source} for import ({file.Rows.Count} rows{(fullRoll ? ", the full roll" : "")})", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<PupilImport>.Ok(import);
    }

    public async Task<Outcome<PupilImport>> FindAsync(string urn, Guid id, bool track = false, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<PupilImport>.NotFound();
        var q = db.PupilImports.Where(i => i.Id == id && i.SchoolId == school.SchoolId);
        if (!track) q = q.AsNoTracking();
        var import = await q.FirstOrDefaultAsync(ct);
        if (import is null) return Outcome<PupilImport>.NotFound();
        if (!school.Can(Permission.ImportPupils)) return Outcome<PupilImport>.Forbidden();
        return Outcome<PupilImport>.Ok(import);
    }

    public async Task<Outcome<ImportPreview>> PreviewAsync(string urn, Guid id, CancellationToken ct = default)
    {
        var found = await FindAsync(urn, id, ct: ct);
        if (!found.IsOk) return Relay<ImportPreview>(found);
        return Outcome<ImportPreview>.Ok(await BuildPreviewAsync(found.Value!, ct));
    }

    private async Task<ImportPreview> BuildPreviewAsync(PupilImport import, CancellationToken ct)
    {
        var mapping = ColumnMapping.Deserialise(import.Mapping);
        if (import.Content.Length == 0)
            return new ImportPreview(import, new RollFile([], [], []), mapping, new ImportPlan(0, [], [], [], 0, [], []), false);
        var (file, _) = RollFileReader.Read(import.Content, import.FileName);
        var existing = await PupilImportRunner.LoadExistingAsync(db, import.SchoolId, ct);
        var canSen = user.Can(import.SchoolId, Permission.ChangeSenStatus);
        var plan = ImportPlanner.Plan(file!.Rows, mapping, existing, import.FullRoll, canSen, Today);
        var remembered = await db.ImportMappings.AsNoTracking().AnyAsync(m => m.SchoolId == import.SchoolId && m.SourceName == import.SourceName && m.Mapping == import.Mapping, ct);
        return new ImportPreview(import, file, mapping, plan, remembered);
    }

    /// The person's mapping (field key → heading, blank to leave a field out). Saved on the import and remembered for
    /// the school and source, so the next file from the same MIS is mapped already.
    public async Task<Outcome<ImportPreview>> SaveMappingAsync(string urn, Guid id, IReadOnlyDictionary<string, string?> choices, CancellationToken ct = default)
    {
        var found = await FindAsync(urn, id, track: true, ct);
        if (!found.IsOk) return Relay<ImportPreview>(found);
        var import = found.Value!;
        if (import.Status != PupilImportStatus.Uploaded) return Outcome<ImportPreview>.Conflict("This file has already been imported. Upload it again to import it again.");
        var (file, _) = RollFileReader.Read(import.Content, import.FileName);
        var errors = new ValidationErrors();
        var mapping = new ColumnMapping();
        var usedBy = new Dictionary<string, ImportField>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, heading) in choices)
        {
            if (!ImportFields.TryParseKey(key, out var field)) { errors.Add(key, $"\"{key}\" is not a field Senco imports"); continue; }
            if (string.IsNullOrWhiteSpace(heading)) continue;
            var match = file!.Headings.FirstOrDefault(h => string.Equals(h, heading, StringComparison.OrdinalIgnoreCase));
            if (match is null) { errors.Add(ImportFields.Key(field), $"The file has no column headed \"{heading}\""); continue; }
            if (usedBy.TryGetValue(match, out var other))
            {
                errors.Add(ImportFields.Key(field), $"The column \"{match}\" is already chosen for {ImportFields.Label(other).ToLowerInvariant()}: choose each column once");
                continue;
            }
            usedBy[match] = field;
            mapping[field] = match;
        }
        if (!mapping.Has(ImportField.Upn) && !errors.Has("upn")) errors.Add("upn", ImportPlanner.MissingUpnColumnMessage);
        if (!errors.IsValid) return Outcome<ImportPreview>.Invalid(errors);

        import.Mapping = mapping.Serialise();
        var remembered = await db.ImportMappings.FirstOrDefaultAsync(m => m.SchoolId == import.SchoolId && m.SourceName == import.SourceName, ct);
        if (remembered is null)
        {
            remembered = new ImportMapping { SchoolId = import.SchoolId, SourceName = import.SourceName };
            db.ImportMappings.Add(remembered);
        }
        remembered.Mapping = import.Mapping;
        remembered.UpdatedAt = DateTime.UtcNow;
        remembered.UpdatedBy = user.Actor.Name;
        db.Audit(user.Actor, "import.mapping", $"Mapped the columns of {import.FileName} and remembered them for files from {import.SourceName}", import.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<ImportPreview>.Ok(await BuildPreviewAsync(import, ct));
    }

    /// Queues the import. Refused while the file has problems (nothing is half-imported); the plan is worked out again
    /// when it runs, against the records as they are then.
    public async Task<Outcome<ImportPreview>> StartAsync(string urn, Guid id, bool markMissingOffRoll, CancellationToken ct = default)
    {
        var found = await FindAsync(urn, id, track: true, ct);
        if (!found.IsOk) return Relay<ImportPreview>(found);
        var import = found.Value!;
        if (import.Status != PupilImportStatus.Uploaded) return Outcome<ImportPreview>.Conflict("This import has already been started.");
        var preview = await BuildPreviewAsync(import, ct);
        if (!preview.Plan.CanImport)
        {
            var errors = new ValidationErrors();
            errors.Add("file", $"The file has {ImportPlanner.Count(preview.Plan.Problems.Count, "problem", "problems")}: correct {(preview.Plan.Problems.Count == 1 ? "it" : "them")} in the file and upload it again");
            return Outcome<ImportPreview>.Invalid(errors);
        }
        import.MarkMissingOffRoll = markMissingOffRoll && import.FullRoll;
        import.AllowSenChanges = user.Can(import.SchoolId, Permission.ChangeSenStatus);
        import.Status = PupilImportStatus.Queued;
        db.Audit(user.Actor, "import.start", $"Started the import of {import.FileName} from {import.SourceName}: {preview.Plan.New.Count} new, {preview.Plan.Updated.Count} updated, " +
            $"{preview.Plan.Leaving.Count} leaving{(import.MarkMissingOffRoll ? $", {preview.Plan.NotInFile.Count} not in the file marked off roll" : "")}", import.SchoolId);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(import.Id, ct);
        return Outcome<ImportPreview>.Ok(preview);
    }

    public async Task<IReadOnlyList<PupilImport>> RecentAsync(int schoolId, CancellationToken ct) =>
        await db.PupilImports.AsNoTracking().Where(i => i.SchoolId == schoolId).OrderByDescending(i => i.CreatedAt).Take(10)
            .Select(i => new PupilImport
            {
                Id = i.Id, SchoolId = i.SchoolId, SourceName = i.SourceName, FileName = i.FileName, Status = i.Status, RowCount = i.RowCount,
                CreatedCount = i.CreatedCount, UpdatedCount = i.UpdatedCount, LeftCount = i.LeftCount, UnchangedCount = i.UnchangedCount,
                RequestedBy = i.RequestedBy, CreatedAt = i.CreatedAt, CompletedAt = i.CompletedAt, Error = i.Error, FullRoll = i.FullRoll,
            }).ToListAsync(ct);

    private static Outcome<T> Relay<T>(Outcome<PupilImport> o) => new(o.Kind, default, o.Errors, o.Message);

    private static string SafeFileName(string? name)
    {
        var n = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        n = new string(n.Where(c => !char.IsControl(c)).ToArray());
        if (n.Length == 0) n = "roll file";
        return n.Length > 200 ? n[..200] : n;
    }
}

/// Imports waiting to run, in order. In-process: an import queued when the app stops is picked up again at start.
public sealed class ImportQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    public ValueTask EnqueueAsync(Guid id, CancellationToken ct = default) => _channel.Writer.WriteAsync(id, ct);
    public ChannelReader<Guid> Reader => _channel.Reader;
}

/// How far a running import has got, for the progress page: kept in memory because the import's own transaction
/// is not visible to other requests until it commits.
public class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, (int Done, int Total)> _progress = new();
    public virtual void Report(Guid id, int done, int total) => _progress[id] = (done, total);
    public (int Done, int Total)? Get(Guid id) => _progress.TryGetValue(id, out var p) ? p : null;
    public void Forget(Guid id) => _progress.TryRemove(id, out _);
}

public sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PupilImportRunner.RecoverAsync(scopes, queue, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Could not look for imports left queued");
        }
        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<PupilImportRunner>().RunAsync(id, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Import {Id} failed", id);
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}

/// Runs one queued import: the plan is worked out again against the records as they are now, and then every change is
/// written in ONE transaction with its history and audit entries. Any failure (a problem that appeared since the
/// preview, someone editing a pupil meanwhile, the database) rolls everything back and the import is marked failed.
public sealed class PupilImportRunner(SencoDbContext db, TenantScope scope, TimeProvider clock, ImportProgress progress, ILogger<PupilImportRunner> log)
{
    private const int BatchSize = 250;

    public static async Task<IReadOnlyList<ExistingPupil>> LoadExistingAsync(SencoDbContext db, int schoolId, CancellationToken ct)
    {
        var lastChanges = await db.SenStatusChanges.AsNoTracking().Where(c => c.SchoolId == schoolId)
            .GroupBy(c => c.PupilId).Select(g => new { PupilId = g.Key, Last = g.Max(c => c.EffectiveFrom) }).ToListAsync(ct);
        var last = lastChanges.ToDictionary(x => x.PupilId, x => x.Last);
        var pupils = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == schoolId).ToListAsync(ct);
        return pupils.Select(p => new ExistingPupil(p.Id, p.Upn, p.Forename, p.Surname, p.DateOfBirth, p.Gender, p.YearGroup, p.Eal, p.PupilPremium, p.LookedAfter,
            p.SenStatus, p.NeedList, p.OnRoll, last.TryGetValue(p.Id, out var d) ? d : null)).ToList();
    }

    public static async Task RecoverAsync(IServiceScopeFactory scopes, ImportQueue queue, CancellationToken ct)
    {
        using var s = scopes.CreateScope();
        s.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
        var db = s.ServiceProvider.GetRequiredService<SencoDbContext>();
        // An import that was running when the app stopped wrote nothing (its transaction never committed).
        var interrupted = await db.PupilImports.Where(i => i.Status == PupilImportStatus.Running).ToListAsync(ct);
        foreach (var i in interrupted)
        {
            i.Status = PupilImportStatus.Failed;
            i.Error = "Senco stopped while this import was running, so nothing was imported. Upload the file again to import it.";
            i.Content = [];
            i.CompletedAt = DateTime.UtcNow;
        }
        // Files uploaded but never imported are not kept: they are copies of the roll.
        var stale = DateTime.UtcNow.AddDays(-1);
        await db.PupilImports.Where(i => i.Status == PupilImportStatus.Uploaded && i.CreatedAt < stale)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Content, Array.Empty<byte>()).SetProperty(i => i.Status, PupilImportStatus.Failed)
                .SetProperty(i => i.Error, "Not imported within a day of upload, so the file was removed."), ct);
        await db.SaveChangesAsync(ct);
        foreach (var id in await db.PupilImports.Where(i => i.Status == PupilImportStatus.Queued).OrderBy(i => i.CreatedAt).Select(i => i.Id).ToListAsync(ct))
            await queue.EnqueueAsync(id, ct);
    }

    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        scope.RestrictToSystem();
        var import = await db.PupilImports.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null || import.Status != PupilImportStatus.Queued) return;
        import.Status = PupilImportStatus.Running;
        import.StartedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        progress.Report(id, 0, import.RowCount);
        try
        {
            var result = await ApplyAsync(import, ct);
            db.ChangeTracker.Clear();
            var done = await db.PupilImports.FirstAsync(i => i.Id == id, ct);
            done.Status = PupilImportStatus.Completed;
            (done.CreatedCount, done.UpdatedCount, done.UnchangedCount, done.LeftCount) = result;
            done.Content = [];
            done.CompletedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Import {Id} failed and was rolled back", id);
            db.ChangeTracker.Clear();
            var failed = await db.PupilImports.FirstAsync(i => i.Id == id, CancellationToken.None);
            failed.Status = PupilImportStatus.Failed;
            failed.Error = ex switch
            {
                ImportRejectedException r => r.Message,
                DbUpdateConcurrencyException => "Someone changed a pupil's record while the import was running, so nothing was imported. Upload the file again to import it.",
                _ => "The import could not be completed, so nothing was imported. Upload the file again; if it fails again, tell your Senco administrator.",
            };
            failed.Content = [];
            failed.CompletedAt = DateTime.UtcNow;
            var actor = new AuditActor(failed.RequestedById, failed.RequestedBy, failed.RequestedFromIp);
            db.Audit(actor, "import.failed", $"The import of {failed.FileName} from {failed.SourceName} failed and wrote nothing: {failed.Error}", failed.SchoolId);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            progress.Forget(id);
        }
    }

    private sealed class ImportRejectedException(string message) : Exception(message);

    private async Task<(int Created, int Updated, int Unchanged, int Left)> ApplyAsync(PupilImport import, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (file, error) = RollFileReader.Read(import.Content, import.FileName);
        if (file is null) throw new ImportRejectedException(error!);
        var mapping = ColumnMapping.Deserialise(import.Mapping);
        var existing = await LoadExistingAsync(db, import.SchoolId, ct);
        var plan = ImportPlanner.Plan(file.Rows, mapping, existing, import.FullRoll, import.AllowSenChanges, today);
        if (!plan.CanImport)
            throw new ImportRejectedException($"Since the preview, the records changed and the file now has {ImportPlanner.Count(plan.Problems.Count, "problem", "problems")}, so nothing was imported. Upload it again to see them.");

        var actor = new AuditActor(import.RequestedById, import.RequestedBy, import.RequestedFromIp);
        var recordedBy = import.RequestedBy.Split(" <")[0];
        var reason = $"Imported from {import.SourceName} ({import.FileName})";
        var now = DateTime.UtcNow;
        var work = plan.New.Concat(plan.Updated).Concat(plan.Leaving.Where(l => !l.IsNew && l.Changes.Count == 0 && !l.Returns)).OrderBy(p => p.Row).ToList();
        var missing = import.MarkMissingOffRoll ? plan.NotInFile : [];
        var total = work.Count + missing.Count;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var done = 0;
        foreach (var batch in work.Chunk(BatchSize))
        {
            var batchIds = batch.Where(p => !p.IsNew).Select(p => p.Existing!.Id).ToList();
            var tracked = await db.Pupils.Where(p => batchIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var item in batch)
            {
                var pupil = item.IsNew ? AddPupil(import, item, today, now, recordedBy, reason) : tracked[item.Existing!.Id];
                if (!item.IsNew) Update(pupil, item, today, now, recordedBy, reason, actor);
                else db.Audit(actor, "pupil.import.create", $"Added pupil {pupil.Upn} from {import.SourceName}", pupil.SchoolId, pupil.Id);
                if (item.SenChanges) ChangeSen(pupil, item.Values.Status!.Value, item.Values.Needs!, today, now, recordedBy, reason, actor);
                if (item.Leaves) Leave(pupil, item.Values.LeavingOn!.Value, now, recordedBy, $"Left the roll on {Dates.Long(item.Values.LeavingOn!.Value)} ({reason})", actor);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress.Report(import.Id, done, total);
        }
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var batchIds = batch.Select(p => p.Id).ToList();
            foreach (var pupil in await db.Pupils.Where(p => batchIds.Contains(p.Id)).ToListAsync(ct))
                Leave(pupil, today, now, recordedBy, $"Marked off roll: not in the full roll file {import.FileName} from {import.SourceName}", actor);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress.Report(import.Id, done, total);
        }
        var left = plan.Leaving.Count + missing.Count;
        var updated = plan.Updated.Count;
        db.Audit(actor, "import.pupils", $"Imported {import.FileName} from {import.SourceName}: {plan.New.Count} new, {updated} updated, {plan.Unchanged} unchanged, {left} marked off roll", import.SchoolId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (plan.New.Count, updated, plan.Unchanged, left);
    }

    private Pupil AddPupil(PupilImport import, PlannedPupil item, DateOnly today, DateTime now, string recordedBy, string reason)
    {
        var v = item.Values;
        var upn = Upn.Check(v.Upn);
        var pupil = new Pupil
        {
            Id = Guid.CreateVersion7(), SchoolId = import.SchoolId, Upn = upn.Normalised!, UpnIsTemporary = upn.IsTemporary,
            Forename = v.Forename!, Surname = v.Surname!, DateOfBirth = v.DateOfBirth!.Value, Gender = v.Gender!, YearGroup = v.YearGroup!,
            Eal = v.Eal ?? false, LookedAfter = v.LookedAfter ?? false, PupilPremium = v.PupilPremium ?? false,
            Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        pupil.RefreshSearchText();
        db.Pupils.Add(pupil);
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.Added, OccurredOn = today,
            Summary = $"Added with UPN {pupil.Upn}{(pupil.UpnIsTemporary ? " (temporary)" : "")}, {YearGroups.Label(pupil.YearGroup)}", Reason = reason,
            RecordedById = import.RequestedById, RecordedBy = recordedBy, RecordedAt = now,
        });
        return pupil;
    }

    private void Update(Pupil pupil, PlannedPupil item, DateOnly today, DateTime now, string recordedBy, string reason, AuditActor actor)
    {
        var v = item.Values;
        var details = item.Changes.Where(c => c.Field is not (ImportField.SenStatus or ImportField.PrimaryNeed)).ToList();
        if (details.Count > 0)
        {
            if (v.Forename is not null) pupil.Forename = v.Forename;
            if (v.Surname is not null) pupil.Surname = v.Surname;
            if (v.DateOfBirth is { } dob) pupil.DateOfBirth = dob;
            if (v.Gender is not null) pupil.Gender = v.Gender;
            if (v.YearGroup is not null) pupil.YearGroup = v.YearGroup;
            if (v.Eal is { } eal) pupil.Eal = eal;
            if (v.PupilPremium is { } pp) pupil.PupilPremium = pp;
            if (v.LookedAfter is { } la) pupil.LookedAfter = la;
            pupil.RefreshSearchText();
            pupil.Version++;
            pupil.UpdatedAt = now;
            var summary = ImportPlanner.Describe(details);
            db.PupilEvents.Add(new PupilEvent
            {
                PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.DetailsChanged, OccurredOn = today, Summary = summary, Reason = reason,
                RecordedById = actor.UserId, RecordedBy = recordedBy, RecordedAt = now,
            });
            db.Audit(actor, "pupil.import.update", summary, pupil.SchoolId, pupil.Id);
        }
        if (item.Returns)
        {
            pupil.OnRoll = true;
            pupil.Version++;
            pupil.UpdatedAt = now;
            db.PupilEvents.Add(new PupilEvent
            {
                PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.Returned, OccurredOn = today, Summary = "Back on the school's roll", Reason = reason,
                RecordedById = actor.UserId, RecordedBy = recordedBy, RecordedAt = now,
            });
            db.Audit(actor, "pupil.import.returned", "Back on roll (in the imported file)", pupil.SchoolId, pupil.Id);
        }
    }

    private void ChangeSen(Pupil pupil, SenStatus status, IReadOnlyList<string> needs, DateOnly today, DateTime now, string recordedBy, string reason, AuditActor actor)
    {
        var summary = PupilCommands.DescribeSenChange(pupil.SenStatus, pupil.Needs, status, needs);
        PupilCommands.ApplySen(pupil, status, needs, today);
        pupil.Version++;
        pupil.UpdatedAt = now;
        db.SenStatusChanges.Add(new SenStatusChange
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = status, Needs = string.Join(',', needs), EffectiveFrom = today, Reason = reason,
            RecordedById = actor.UserId, RecordedBy = recordedBy, RecordedAt = now,
        });
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.SenStatusChanged, OccurredOn = today, Summary = summary, Reason = reason,
            RecordedById = actor.UserId, RecordedBy = recordedBy, RecordedAt = now,
        });
        db.Audit(actor, "pupil.sen.change", $"{summary} ({reason})", pupil.SchoolId, pupil.Id);
    }

    private void Leave(Pupil pupil, DateOnly on, DateTime now, string recordedBy, string summary, AuditActor actor)
    {
        pupil.OnRoll = false;
        pupil.Version++;
        pupil.UpdatedAt = now;
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.LeftRoll, OccurredOn = on, Summary = summary,
            RecordedById = actor.UserId, RecordedBy = recordedBy, RecordedAt = now,
        });
        db.Audit(actor, "pupil.import.left", summary, pupil.SchoolId, pupil.Id);
    }
}
