using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.DataProtection;
using static Senco.Web.Features.Register.RegisterExport;

namespace Senco.Web.Features.Delivery;

/// <summary>
/// What issue 11 holds about a pupil, for a subject-access export: the planned doses of their provision lines, every
/// session logged for them (delivered or missed, with reasons and who recorded it), and the concerns raised about them
/// on the monitoring list with every observation. Group registers belong to the interventions area and are not
/// repeated here. Each file is CSV, with formula injection neutralised as in every export.
/// </summary>
[Senco.Web.Features.DataProtection.CoversPupilData(typeof(PlannedDose), typeof(DeliverySession), typeof(MonitoringConcern))]
public sealed class DeliveryRecordSection : IPupilRecordSection
{
    public string Title => "Provision planned and delivered; monitoring concerns";
    public int Order => 60;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var files = new List<PupilRecordFile>();
        var doses = await db.PlannedDoses.AsNoTracking().Include(d => d.StaffMember).Where(d => d.PupilId == pupil.Id).OrderBy(d => d.From).ToListAsync(ct);
        if (doses.Count > 0)
            files.Add(Csv("delivery/planned-doses.csv",
                ["Line", "Plan", "Basis", "Hours a week", "Sessions a week", "Minutes a session", "Minutes a week", "Staff type", "1:1 or group", "From", "To", "Delivered by", "Updated by", "Updated at (UTC)"],
                doses.Select(d => new[] { d.Label, d.Kind == DoseLineKind.EhcProvision ? "EHC plan Section F" : "Support plan", d.Basis.ToString(), d.HoursPerWeek?.ToString(CultureInfo.InvariantCulture) ?? "",
                    d.SessionsPerWeek?.ToString(CultureInfo.InvariantCulture) ?? "", d.MinutesPerSession?.ToString(CultureInfo.InvariantCulture) ?? "", d.MinutesPerWeek.ToString(CultureInfo.InvariantCulture),
                    d.StaffType?.ToString() ?? "", d.Mode == DeliveryMode.OneToOne ? "1:1" : "Group", Iso(d.From), d.To is { } t ? Iso(t) : "", d.StaffMember?.Name ?? "", d.UpdatedBy, Stamp(d.UpdatedAt) })));

        var sessions = await db.DeliverySessions.AsNoTracking().Include(s => s.Dose).Where(s => s.PupilId == pupil.Id).OrderBy(s => s.On).ThenBy(s => s.Start).ToListAsync(ct);
        if (sessions.Count > 0)
            files.Add(Csv("delivery/sessions.csv",
                ["Date", "Start", "Minutes", "Line", "Delivered or missed", "Reason", "Note", "Recorded by", "Recorded at (UTC)"],
                sessions.Select(s => new[] { Iso(s.On), s.Start.ToString("HH:mm", CultureInfo.InvariantCulture), s.Minutes.ToString(CultureInfo.InvariantCulture), s.Dose?.Label ?? "",
                    s.Outcome == DeliveryOutcome.Delivered ? "Delivered" : "Missed", s.Reason?.ToString() ?? "", s.Note ?? "", s.RecordedBy, Stamp(s.RecordedAt) })));

        var concerns = await db.MonitoringConcerns.AsNoTracking().Include(c => c.Observations).Where(c => c.PupilId == pupil.Id).OrderBy(c => c.ObservedOn).ToListAsync(ct);
        if (concerns.Count > 0)
        {
            var rows = new List<string[]>();
            foreach (var c in concerns)
            {
                rows.Add([c.Id.ToString(), "Concern", Iso(c.ObservedOn), c.WhatSeen, c.Lessons ?? "", c.Tried ?? "", c.RaisedBy, Stamp(c.RaisedAt), c.Status.ToString(),
                    c.DecidedOn is { } d ? Iso(d) : "", c.Decision ?? "", c.DecidedBy ?? ""]);
                foreach (var o in c.Observations.OrderBy(o => o.ObservedOn))
                    rows.Add([c.Id.ToString(), "Observation", Iso(o.ObservedOn), o.Text, o.Lessons ?? "", "", o.RecordedBy, Stamp(o.RecordedAt), "", "", "", ""]);
            }
            files.Add(Csv("monitoring/concerns.csv",
                ["Concern", "Entry", "Seen on", "What was seen", "Lessons", "Tried", "Recorded by", "Recorded at (UTC)", "Status", "Decided on", "Decision", "Decided by"], rows));
        }
        return files;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Stamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static PupilRecordFile Csv(string path, string[] headers, IEnumerable<string[]> rows)
    {
        using var ms = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" };
        using (var csv = CsvWriter.Create(ms, options, true))
        {
            foreach (var h in headers) csv.WriteField(h);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(SafeCell(cell));
                csv.EndRecord();
            }
        }
        return new PupilRecordFile(path, "text/csv", ms.ToArray());
    }
}
