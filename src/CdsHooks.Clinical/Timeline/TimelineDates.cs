using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>Dates for card text, at no more than day precision and never more precise than recorded.</summary>
public static class TimelineDates
{
    /// <summary>The recorded date, cut to day precision (<c>2019</c>, <c>2019-05</c> or <c>2019-05-03</c>).</summary>
    public static string Day(FhirDateTime value)
    {
        string text = value.ToString();
        return text.Length > 10 ? text[..10] : text;
    }
}
