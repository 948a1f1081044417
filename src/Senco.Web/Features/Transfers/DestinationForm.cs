using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Exchange;

namespace Senco.Web.Features.Transfers;

/// Where a leaver goes: a school (LA and establishment numbers), unknown (XXX/XXXX) or outside the maintained sector (MMM/MMMM).
public sealed class DestinationForm
{
    [Display(Name = "Where is the pupil going?")] public string? Kind { get; set; } = "School";
    [Display(Name = "Local authority number")] public string? La { get; set; }
    [Display(Name = "Establishment number")] public string? Estab { get; set; }
    [Display(Name = "School name (optional)")] public string? Name { get; set; }

    public static readonly SelectListItem[] KindItems =
    [
        new("A school in England or Wales: enter its numbers below", "School"),
        new("Not known (XXX/XXXX): the file goes to the Lost Pupil Database", "Unknown"),
        new("An independent school, or outside England and Wales (MMM/MMMM)", "Outside"),
    ];

    public (string? La, string? Estab) Resolve() => Kind switch
    {
        "Unknown" => (CtfVersions.Unknown.Lea, CtfVersions.Unknown.Estab),
        "Outside" => (CtfVersions.OutsideMaintained.Lea, CtfVersions.OutsideMaintained.Estab),
        _ => (La, Estab),
    };

    /// API field names (destLa, destEstab, destinationLa...) onto this form's fields.
    public static string? FieldFor(string apiField, string prefix) => apiField switch
    {
        "destLa" or "destinationLa" => $"{prefix}.La",
        "destEstab" or "destinationEstab" => $"{prefix}.Estab",
        "destinationName" => $"{prefix}.Name",
        _ => null,
    };
}
