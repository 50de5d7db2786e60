namespace CdsHooks.Fhir.Model;

/// <summary>How precisely a FHIR <c>date</c>, <c>dateTime</c> or <c>instant</c> was stated.</summary>
public enum FhirDatePrecision
{
    /// <summary>Only a year, e.g. <c>2019</c>.</summary>
    Year,

    /// <summary>Year and month, e.g. <c>2019-05</c>.</summary>
    Month,

    /// <summary>A full date, e.g. <c>2019-05-03</c>.</summary>
    Day,

    /// <summary>A date with a time of day, e.g. <c>2019-05-03T10:00:00+08:00</c>.</summary>
    DateTime,
}
