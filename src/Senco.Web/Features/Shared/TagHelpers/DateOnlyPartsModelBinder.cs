// Binds a DateOnly / DateOnly? from the three boxes of <govuk-date-input>: {Name}.Day,
// {Name}.Month and {Name}.Year. Register once in Program.cs:
//   builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
//       .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new DateOnlyPartsModelBinderProvider()));
// When none of the three parts was posted it reads a single value instead (yyyy-MM-dd, as in a
// query string ?from=2026-09-01, or d/M/yyyy), so other DateOnly parameters keep working.
//
// Error messages follow the GOV.UK date input pattern, named after [Display(Name)] or the
// property ("DateOfBirth" -> "Date of birth"):
//   all boxes empty      -> no value (null); a [Required] attribute gives "Enter …" (its ErrorMessage);
//                           for a non-nullable DateOnly: "Enter date of birth"
//   some boxes empty     -> "Date of birth must include a month" / "… must include a day and year"
//   not a real date      -> "Date of birth must be a real date"
//   a 2-digit year       -> "Date of birth year must include 4 numbers"
// What was typed stays in ModelState under the part names, so the form shows it again.
// Months may be typed as numbers or names ("3", "Mar", "March").

using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Senco.Web.Features.Shared.TagHelpers;

public sealed class DateOnlyPartsModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new DateOnlyPartsModelBinder() : null;
}

public sealed class DateOnlyPartsModelBinder : IModelBinder
{
    private static readonly string[] MonthNames = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.MonthNames[..12];
    private static readonly string[] SingleValueFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var values = bindingContext.ValueProvider;
        var day = values.GetValue(name + ".Day");
        var month = values.GetValue(name + ".Month");
        var year = values.GetValue(name + ".Year");

        if (day == ValueProviderResult.None && month == ValueProviderResult.None && year == ValueProviderResult.None)
        {
            BindSingleValue(bindingContext);
            return Task.CompletedTask;
        }

        // Keep what was typed, for the form to show again. The part entries carry no errors of
        // their own (the error sits on {Name}), so they are marked valid: an entry left
        // "unvalidated" would make ModelState.IsValid false.
        foreach (var (part, result) in new[] { ("Day", day), ("Month", month), ("Year", year) })
        {
            var key = $"{name}.{part}";
            bindingContext.ModelState.SetModelValue(key, result);
            bindingContext.ModelState.MarkFieldValid(key);
        }

        var d = day.FirstValue?.Trim() ?? "";
        var m = month.FirstValue?.Trim() ?? "";
        var y = year.FirstValue?.Trim() ?? "";
        bindingContext.ModelState.SetModelValue(name, new[] { d, m, y }, $"{y}-{m}-{d}");

        var label = GovukText.DisplayName(bindingContext.ModelMetadata);
        var (date, error) = Parse(d, m, y, label, bindingContext.ModelMetadata.IsReferenceOrNullableType);
        if (error is not null)
        {
            bindingContext.ModelState.TryAddModelError(name, error);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        return Task.CompletedTask;
    }

    /// <summary>The date the three boxes make, or the message to show. Public for unit tests.</summary>
    public static (DateOnly? Date, string? Error) Parse(string day, string month, string year, string label, bool nullable = true)
    {
        (day, month, year) = (day.Trim(), month.Trim(), year.Trim());
        var missing = new List<string>();
        if (day.Length == 0) missing.Add("day");
        if (month.Length == 0) missing.Add("month");
        if (year.Length == 0) missing.Add("year");

        if (missing.Count == 3)
        {
            return nullable ? (null, null) : (null, $"Enter {Lower(label)}");
        }
        if (missing.Count > 0)
        {
            var parts = missing.Count == 1 ? missing[0] : $"{missing[0]} and {missing[1]}";
            return (null, $"{label} must include a {parts}");
        }

        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || ParseMonth(month) is not { } m
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return (null, $"{label} must be a real date");
        }
        if (year.Length != 4)
        {
            return (null, $"{label} year must include 4 numbers");
        }
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return (null, $"{label} must be a real date");
        }
        return (new DateOnly(y, m, d), null);
    }

    /// <summary>Used by the tag helper to decide which boxes to highlight.</summary>
    public static bool LooksLikeNumberOrMonth(string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _) || ParseMonth(value.Trim()) is not null;

    private static int? ParseMonth(string month)
    {
        if (int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        if (month.Length < 3) return null;
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(month, StringComparison.OrdinalIgnoreCase)) return i + 1;
        }
        return null;
    }

    private static void BindSingleValue(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var result = bindingContext.ValueProvider.GetValue(name);
        if (result == ValueProviderResult.None) return; // nothing posted: leave the property as it is

        bindingContext.ModelState.SetModelValue(name, result);
        var text = result.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(name, $"Enter {Lower(GovukText.DisplayName(bindingContext.ModelMetadata))}");
                bindingContext.Result = ModelBindingResult.Failed();
            }
            return;
        }

        if (DateOnly.TryParseExact(text, SingleValueFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(name, $"{GovukText.DisplayName(bindingContext.ModelMetadata)} must be a real date");
            bindingContext.Result = ModelBindingResult.Failed();
        }
    }

    // "Enter date of birth", but "Enter EHC plan start date" keeps its acronym.
    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1])
            ? char.ToLowerInvariant(label[0]) + label[1..]
            : label;
}
