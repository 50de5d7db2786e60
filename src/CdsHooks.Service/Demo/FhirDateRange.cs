using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>
/// The span of time a FHIR value denotes, as FHIR search compares it: <see cref="Low"/> inclusive,
/// <see cref="High"/> exclusive. <c>2024-03</c> is all of March; an open Period end runs to the end of time.
/// </summary>
/// <param name="Low">The first instant.</param>
/// <param name="High">The instant just after the span.</param>
internal readonly record struct FhirDateRange(DateTimeOffset Low, DateTimeOffset High)
{
    /// <summary>The span of a date, dateTime or instant at its own precision.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The span.</returns>
    public static FhirDateRange Of(FhirDateTime value) => new(value.LowerBound, value.UpperBound);

    /// <summary>The span of a Period; a missing start or end is open (FHIR R4 Period: end absent = ongoing).</summary>
    /// <param name="period">The period.</param>
    /// <returns>The span, or null when neither bound is given.</returns>
    public static FhirDateRange? Of(Period? period)
        => period is null || (period.Start is null && period.End is null)
            ? null
            : new FhirDateRange(period.Start?.LowerBound ?? DateTimeOffset.MinValue, period.End?.UpperBound ?? DateTimeOffset.MaxValue);

    /// <summary>The span of a choice element given as a dateTime or a Period (whichever is present).</summary>
    /// <param name="dateTime">The dateTime form.</param>
    /// <param name="period">The Period form.</param>
    /// <returns>The span, or null when absent.</returns>
    public static FhirDateRange? Of(FhirDateTime? dateTime, Period? period)
        => dateTime is { } value ? Of(value) : Of(period);
}
