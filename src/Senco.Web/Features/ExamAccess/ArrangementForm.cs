using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core;
using Senco.Core.Leadership;
using Senco.Core.Model;

namespace Senco.Web.Features.ExamAccess;

/// The fields of an access arrangement as the form posts them (Input.X), shared by "record" and "change".
public sealed class ArrangementForm
{
    public string? Kind { get; set; }
    public string? Details { get; set; }
    public string? Evidence { get; set; }
    public DateOnly? AssessedOn { get; set; }
    public string? Assessor { get; set; }
    public string? Score1Area { get; set; }
    public int? Score1 { get; set; }
    public string? Score2Area { get; set; }
    public int? Score2 { get; set; }
    public string? Score3Area { get; set; }
    public int? Score3 { get; set; }
    public string? NormalWayOfWorking { get; set; }
    public int? Edition { get; set; }
    public DateOnly? ApprovedOn { get; set; }

    public ArrangementInput ToInput(int? version = null) => new(Kind, Details, Evidence, AssessedOn, Assessor, Score1Area, Score1, Score2Area, Score2, Score3Area, Score3,
        NormalWayOfWorking, Edition, ApprovedOn, version);

    public static ArrangementForm From(ExamAccessArrangement a) => new()
    {
        Kind = a.Kind.ToString(), Details = a.Details, Evidence = a.Evidence?.ToString(), AssessedOn = a.AssessedOn, Assessor = a.Assessor,
        Score1Area = a.Score1Area, Score1 = a.Score1, Score2Area = a.Score2Area, Score2 = a.Score2, Score3Area = a.Score3Area, Score3 = a.Score3,
        NormalWayOfWorking = a.NormalWayOfWorking, Edition = a.EditionStartYear, ApprovedOn = a.ApprovedOn,
    };

    public IEnumerable<SelectListItem> KindItems() =>
        new[] { new SelectListItem("Choose the arrangement", "") }.Concat(Enum.GetValues<ExamArrangementKind>()
            .Select(k => new SelectListItem(ExamAccessRules.Label(k), k.ToString(), k.ToString() == Kind)));

    public IEnumerable<SelectListItem> EvidenceItems() =>
        new[] { new SelectListItem("Not recorded yet", "") }.Concat(Enum.GetValues<ExamEvidenceKind>()
            .Select(k => new SelectListItem(ExamAccessRules.Label(k), k.ToString(), k.ToString() == Evidence)));

    public IEnumerable<SelectListItem> EditionItems(DateOnly today)
    {
        var current = ExamAccessRules.EditionOn(today);
        return new[] { new SelectListItem("Choose the edition", "") }.Concat(Enumerable.Range(current - 3, 4).Reverse()
            .Select(y => new SelectListItem($"AARA {ExamAccessRules.EditionLabel(y)}", y.ToString(), y == Edition)));
    }
}
