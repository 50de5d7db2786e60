using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>
/// A FHIR <c>date</c>, <c>dateTime</c> or <c>instant</c> with its stated precision kept:
/// <c>2019</c> denotes the whole year 2019, not 1 January 2019.
/// </summary>
/// <remarks>
/// Equality compares the original text. A value without a UTC offset (a date, or a time written
/// without <c>Z</c>/<c>±hh:mm</c>) is placed in UTC. FHIR requires an offset whenever a time is given;
/// a missing one is tolerated on read.
/// </remarks>
[JsonConverter(typeof(FhirDateTimeJsonConverter))]
public readonly record struct FhirDateTime
{
    private readonly string? _text;

    private FhirDateTime(string text, FhirDatePrecision precision, DateTimeOffset lowerBound, DateTimeOffset upperBound, bool hasOffset)
    {
        _text = text;
        Precision = precision;
        LowerBound = lowerBound;
        UpperBound = upperBound;
        HasOffset = hasOffset;
    }

    /// <summary>How precisely the value was stated.</summary>
    public FhirDatePrecision Precision { get; }

    /// <summary>The first instant of the period the value denotes.</summary>
    public DateTimeOffset LowerBound { get; }

    /// <summary>The instant just after the period the value denotes (exclusive end).</summary>
    public DateTimeOffset UpperBound { get; }

    /// <summary>Whether the text carried an explicit UTC offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    public bool HasOffset { get; }

    /// <summary>True when only a year or a year and month were given.</summary>
    public bool IsPartial => Precision is FhirDatePrecision.Year or FhirDatePrecision.Month;

    /// <summary>Parses FHIR date/dateTime/instant text; throws <see cref="FormatException"/> when invalid.</summary>
    /// <param name="s">The text, e.g. <c>2019-05</c>.</param>
    /// <returns>The parsed value.</returns>
    public static FhirDateTime Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var value)
            ? value
            : throw new FormatException("The value is not a valid FHIR date, dateTime or instant.");
    }

    /// <summary>Parses FHIR date/dateTime/instant text.</summary>
    /// <param name="s">The text, e.g. <c>2019-05-03T10:00:00+08:00</c>.</param>
    /// <param name="value">The parsed value, or default when the text is invalid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out FhirDateTime value)
    {
        value = default;
        return s is not null && FhirDateTimeParser.TryParse(s, out value);
    }

    /// <summary>
    /// The calendar date of the lower bound, as written (in the value's own offset); for a partial
    /// value (see <see cref="IsPartial"/>) this is the first day of the year or month.
    /// Null only for the default (unparsed) value.
    /// </summary>
    /// <returns>The date, or null for <c>default(FhirDateTime)</c>.</returns>
    public DateOnly? ToDateOnly() => _text is null ? null : DateOnly.FromDateTime(LowerBound.DateTime);

    /// <summary>The original text, exactly as parsed.</summary>
    /// <returns>The text; empty for the default value.</returns>
    public override string ToString() => _text ?? string.Empty;

    internal static FhirDateTime Create(string text, FhirDatePrecision precision, DateTimeOffset lower, DateTimeOffset upper, bool hasOffset)
        => new(text, precision, lower, upper, hasOffset);
}
