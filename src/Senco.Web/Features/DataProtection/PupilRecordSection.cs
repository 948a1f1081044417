using Senco.Core.Model;
using Senco.Data;

namespace Senco.Web.Features.DataProtection;

/// One file of a pupil's record as it goes into a subject-access export or a transfer pack:
/// <paramref name="Path"/> is relative inside the ZIP (for example "referrals/referrals.csv").
public sealed record PupilRecordFile(string Path, string ContentType, byte[] Content);

/// Each area of Senco that holds data about a pupil contributes one section to a subject-access export, so the export
/// names everything held (UK GDPR Art. 15) without one place having to know every table. Sections are discovered by
/// reflection: every non-abstract class in the Senco.Web assembly implementing this interface, constructed with a
/// public parameterless constructor. A section returns nothing when it holds nothing about the pupil.
public interface IPupilRecordSection
{
    /// Heading in the export's index, in a SENCO's words ("Referrals to agencies").
    string Title { get; }

    /// Order in the index (lower first); the pupil's own details come first.
    int Order { get; }

    /// Everything this area holds about <paramref name="pupil"/>, read through <paramref name="db"/> (already scoped
    /// to the pupil's school). Includes restricted notes: a subject-access export is made by someone allowed to.
    Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct);
}
