using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.DataProtection;

namespace Senco.Web.Features.Transfers;

/// Subject access: where the pupil's record was sent when they left, when, and by whom.
[CoversPupilData(typeof(PupilTransfer))]
public sealed class TransferRecordSection : IPupilRecordSection
{
    public string Title => "Transfer of the record to the next school";
    public int Order => 90;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.PupilTransfers.AsNoTracking().Where(t => t.PupilId == pupil.Id).OrderBy(t => t.LeftOn).ToListAsync(ct);
        return rows.Count == 0 ? [] : [new("transfer/transfers.csv", "text/csv", RecordCsv.Write(rows, nameof(PupilTransfer.SchoolId), nameof(PupilTransfer.Pupil)))];
    }
}
