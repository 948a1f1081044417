namespace Senco.Core.Sen;

/// <summary>
/// School census SEN provision codes in current use (since 2014/15): N no SEN, K SEN support, E EHC plan.
/// The historical S (statement), A and P (School Action / Action Plus) are deliberately absent.
/// </summary>
public enum SenStatus { N, K, E }

public static class SenStatuses
{
    /// <summary>Accepts "N", "K" or "E", ignoring case and surrounding spaces; nothing else (not "0" or "1").</summary>
    public static bool TryParse(string? s, out SenStatus status)
    {
        switch (s?.Trim().ToUpperInvariant())
        {
            case "N": status = SenStatus.N; return true;
            case "K": status = SenStatus.K; return true;
            case "E": status = SenStatus.E; return true;
            default: status = default; return false;
        }
    }

    public static string Describe(SenStatus s) => s switch
    {
        SenStatus.N => "No special educational need",
        SenStatus.K => "SEN support",
        SenStatus.E => "EHC plan",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    /// <summary>Only pupils with provision E or K carry SEN types in the census.</summary>
    public static bool CarriesNeeds(SenStatus s) => s is SenStatus.K or SenStatus.E;
}
