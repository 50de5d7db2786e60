using System.Globalization;
using System.Text.RegularExpressions;

namespace CdsHooks.Clinical.Rules.Model;

/// <summary>Calendar units a rule may count in.</summary>
public enum DurationUnit
{
    /// <summary>Days.</summary>
    Day,

    /// <summary>Weeks (7 days).</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Calendar years.</summary>
    Year,
}

/// <summary>
/// A clinical time span written as in ISO 8601 with one unit (<c>P90D</c>, <c>P14W</c>, <c>P6M</c>, <c>P1Y</c>).
/// Months and years are calendar months and years, as clinicians count them.
/// </summary>
public readonly partial record struct ClinicalDuration(int Amount, DurationUnit Unit)
{
    /// <summary>Parses <c>P{n}{D|W|M|Y}</c>.</summary>
    public static bool TryParse(string? text, out ClinicalDuration duration)
    {
        duration = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        int amount = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        duration = new ClinicalDuration(amount, match.Groups[2].Value switch
        {
            "D" => DurationUnit.Day,
            "W" => DurationUnit.Week,
            "M" => DurationUnit.Month,
            _ => DurationUnit.Year,
        });
        return true;
    }

    /// <summary>The instant this span before <paramref name="instant"/>.</summary>
    public DateTimeOffset Before(DateTimeOffset instant) => After(instant, -Amount);

    /// <summary>The instant this span after <paramref name="instant"/>.</summary>
    public DateTimeOffset After(DateTimeOffset instant) => After(instant, Amount);

    private DateTimeOffset After(DateTimeOffset instant, int amount) => Unit switch
    {
        DurationUnit.Day => instant.AddDays(amount),
        DurationUnit.Week => instant.AddDays(7 * amount),
        DurationUnit.Month => instant.AddMonths(amount),
        _ => instant.AddYears(amount),
    };

    /// <inheritdoc/>
    public override string ToString() => Unit switch
    {
        DurationUnit.Day => $"{Amount} days",
        DurationUnit.Week => $"{Amount} weeks",
        DurationUnit.Month => $"{Amount} months",
        _ => $"{Amount} years",
    };

    [GeneratedRegex("^P([0-9]{1,5})([DWMY])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
