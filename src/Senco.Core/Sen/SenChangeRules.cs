using System.Globalization;

namespace Senco.Core.Sen;

/// <summary>
/// A change to a pupil's SEN status. <see cref="Needs"/> are census SEN type codes in rank order:
/// the first is SENtypeRank 1 (primary need), the next rank 2, and so on.
/// </summary>
public sealed record SenChange(string? Status, IReadOnlyList<string>? Needs, DateOnly? EffectiveFrom, string? Reason);

public static class SenChangeRules
{
    public const int MaxReasonLength = 2000;

    public const string StatusMessage = "Select the SEN status: N, K or E";
    public const string NeedsRequiredMessage = "Select at least one need for a pupil on SEN support or with an EHC plan";
    public const string NoNeedsForNMessage = "A pupil with no SEN (status N) cannot have needs recorded";
    public const string NsaOnlyWithKMessage =
        "NSA (SEN support but no specialist assessment of type of need) can only be recorded for a pupil on SEN support (status K)";
    public const string EffectiveFromRequiredMessage = "Enter the date the change takes effect";
    public const string EffectiveFromFutureMessage = "The date the change takes effect must be today or in the past";
    public const string ReasonRequiredMessage = "Enter the reason for the change";
    public static readonly string ReasonTooLongMessage = $"The reason must be {MaxReasonLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer";

    /// <summary>
    /// Validates a status change. <paramref name="previousEffectiveFrom"/> is the effective date of the
    /// latest existing history entry (null if none). Needs are checked after <see cref="NormaliseNeeds"/>.
    /// </summary>
    public static ValidationErrors Validate(SenChange change, DateOnly? previousEffectiveFrom, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new ValidationErrors();

        var statusKnown = SenStatuses.TryParse(change.Status, out var status);
        if (!statusKnown) errors.Add("status", StatusMessage);

        var needs = NormaliseNeeds(change.Needs ?? Array.Empty<string>());
        if (statusKnown)
        {
            // Census guide: only pupils with provision E or K carry SEN types (N includes "monitoring").
            if (SenStatuses.CarriesNeeds(status) && needs.Count == 0) errors.Add("needs", NeedsRequiredMessage);
            if (status == SenStatus.N && needs.Count > 0) errors.Add("needs", NoNeedsForNMessage);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in needs)
        {
            if (!NeedTypes.TryGet(code, out _))
                errors.Add("needs", $"\"{code}\" is not a census SEN type code");
            else if (!seen.Add(code))
                errors.Add("needs", $"\"{code}\" is listed more than once: each need can have only one rank");
        }

        // NSA: "SEN support but no specialist assessment". A pupil with an EHC plan has been assessed.
        if (statusKnown && status == SenStatus.E && needs.Contains("NSA"))
            errors.Add("needs", NsaOnlyWithKMessage);

        if (change.EffectiveFrom is not { } from)
            errors.Add("effectiveFrom", EffectiveFromRequiredMessage);
        else if (from > today)
            errors.Add("effectiveFrom", EffectiveFromFutureMessage);
        else if (previousEffectiveFrom is { } previous && from < previous)
            errors.Add("effectiveFrom",
                $"The date must be on or after {Dates.Long(previous)}, the date of the previous change");

        var reason = change.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors.Add("reason", ReasonRequiredMessage);
        else if (reason.Length > MaxReasonLength) errors.Add("reason", ReasonTooLongMessage);

        return errors;
    }

    /// <summary>
    /// Trims and upper-cases each code, keeping the order (the order is the rank). Blank entries, which an
    /// unused form select sends, are dropped; repeats are kept so that validation can name them.
    /// </summary>
    public static IReadOnlyList<string> NormaliseNeeds(IReadOnlyList<string> needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        return needs.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n.Trim().ToUpperInvariant())
            .ToList()
            .AsReadOnly();
    }
}
