using Microsoft.AspNetCore.Mvc.ModelBinding;
using Senco.Core;

namespace Senco.Web.Features.Shared;

/// Puts a use case's validation errors (keyed by the API's camelCase field names, nested as "outcomes[0].byWhen")
/// onto a form's fields ("Input.Outcomes[0].ByWhen"), so a page and the API report the same rule in the same words.
public static class FormErrors
{
    public static string ToModelKey(string field, string prefix = "Input")
    {
        if (field.Length == 0) return "";
        var parts = field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]);
        var key = string.Join('.', parts);
        return string.IsNullOrEmpty(prefix) ? key : $"{prefix}.{key}";
    }

    /// <param name="map">Where a page lays fields out differently from the API: the form key for a field, or null for the default.</param>
    /// <param name="skipWhereAlreadyInvalid">Leave a field alone when model binding already reported it (an impossible date).</param>
    public static void AddTo(ModelStateDictionary modelState, ValidationErrors errors, string prefix = "Input",
        Func<string, string?>? map = null, bool skipWhereAlreadyInvalid = false)
    {
        foreach (var (field, messages) in errors)
        {
            var key = map?.Invoke(field) ?? ToModelKey(field, prefix);
            if (skipWhereAlreadyInvalid && modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            foreach (var m in messages) modelState.AddModelError(key, m);
        }
    }
}
