using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>
/// Moves every date in a demo patient's FHIR JSON by a whole number of days, so the vignette's
/// evaluation instant (<c>Bundle.timestamp</c>) falls on today.
/// </summary>
/// <remarks>
/// <para>
/// Why: the bundles are dated in the past, but the engine takes "now" from <see cref="TimeProvider"/>.
/// Rules such as "progression within 90 days" or "last dose more than 8 weeks ago" would give other
/// answers on old data than the vignette expects. Shifting by whole days keeps every interval and
/// weekday difference between events, so the data tells the same story today.
/// </para>
/// <para>
/// Only values of date-typed FHIR elements move, chosen by element name (<see cref="DateElementNames"/>,
/// and <c>start</c>/<c>end</c> inside a Period). A code or string that merely looks like a year
/// (<c>"code": "2019"</c>) never moves, and neither do dates quoted in free text.
/// </para>
/// <para>
/// Each value keeps its precision: a year or month moves by the same days applied to its first day
/// and is written back as a year or month; a dateTime keeps its time of day and offset text.
/// Ages in whole years are kept except when a birthday lies within a day of the evaluation date and a
/// 29 February falls differently between the two periods.
/// </para>
/// </remarks>
internal static class DemoDateShifter
{
    /// <summary>Names of FHIR R4 elements whose type is date, dateTime or instant (including choice forms).</summary>
    public static readonly FrozenSet<string> DateElementNames = FrozenSet.Create(
        StringComparer.Ordinal,
        "abatementDateTime", "authoredOn", "birthDate", "created", "date", "dateAsserted", "deceasedDateTime",
        "effectiveDateTime", "effectiveInstant", "event", "expirationDate", "issued", "lastOccurrence",
        "lastUpdated", "occurrenceDateTime", "onsetDateTime", "performedDateTime", "recorded", "recordedDate",
        "time", "timestamp", "valueDate", "valueDateTime", "valueInstant", "whenHandedOver", "whenPrepared");

    /// <summary>The whole days from the calendar date of <paramref name="timestamp"/> (as written) to <paramref name="today"/>.</summary>
    /// <param name="timestamp">The bundle's timestamp.</param>
    /// <param name="today">Today's date.</param>
    /// <returns>The days to add to every date.</returns>
    public static int DaysUntil(FhirDateTime timestamp, DateOnly today)
        => today.DayNumber - CalendarDateOf(timestamp).DayNumber;

    /// <summary>Shifts every date-typed value below <paramref name="node"/>, in place.</summary>
    /// <param name="node">A resource or Bundle as a JSON tree.</param>
    /// <param name="days">The days to add (may be negative).</param>
    public static void ShiftInPlace(JsonNode? node, int days)
    {
        if (days != 0)
        {
            Walk(node, days);
        }
    }

    /// <summary>Shifts one value by <paramref name="days"/>, keeping its precision, time of day and offset.</summary>
    /// <param name="value">The value.</param>
    /// <param name="days">The days to add.</param>
    /// <returns>The shifted value as FHIR text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result falls outside years 1 to 9999.</exception>
    public static string Shift(FhirDateTime value, int days)
    {
        var text = value.ToString();
        var date = CalendarDateOf(value).AddDays(days);
        return value.Precision switch
        {
            FhirDatePrecision.Year => date.ToString("yyyy", CultureInfo.InvariantCulture),
            FhirDatePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            FhirDatePrecision.Day => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + text[10..],
        };
    }

    /// <summary>
    /// The calendar date as written: for a dateTime, in its own offset (a leap second at 23:59:60 stays
    /// on its day); for a year or month, its first day.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The date.</returns>
    public static DateOnly CalendarDateOf(FhirDateTime value)
        => value.Precision is FhirDatePrecision.Day or FhirDatePrecision.DateTime
            ? DateOnly.ParseExact(value.ToString().AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToDateOnly()!.Value;

    private static void Walk(JsonNode? node, int days)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Walk(item, days);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(member => member.Key).ToList())
            {
                if (DateElementNames.Contains(name))
                {
                    ShiftMember(obj, name, days);
                }
                else if (IsPeriod(name) && obj[name] is JsonObject period)
                {
                    ShiftMember(period, "start", days);
                    ShiftMember(period, "end", days);
                }

                Walk(obj[name], days);
            }
        }
    }

    // A Period-typed element: effectivePeriod, performedPeriod, onsetPeriod, boundsPeriod, period, ...
    private static bool IsPeriod(string name)
        => name.Equals("period", StringComparison.Ordinal) || name.EndsWith("Period", StringComparison.Ordinal);

    private static void ShiftMember(JsonObject obj, string name, int days)
    {
        if (obj[name] is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (TryShift(array[i], days, out var shifted))
                {
                    array[i] = JsonValue.Create(shifted);
                }
            }
        }
        else if (TryShift(obj[name], days, out var shifted))
        {
            obj[name] = JsonValue.Create(shifted);
        }
    }

    // A value that is not a valid date is left alone for the FHIR reader to report with its path.
    private static bool TryShift(JsonNode? node, int days, [NotNullWhen(true)] out string? shifted)
    {
        shifted = node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && FhirDateTime.TryParse(v.GetValue<string>(), out var value)
            ? Shift(value, days)
            : null;
        return shifted is not null;
    }
}
