using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// A patient's FHIR data normalised into one clinical timeline, as of one instant.
/// Built once per hook call and shared by every rule of every pack.
/// </summary>
public sealed record PatientTimeline
{
    /// <summary>The evaluation instant (from the injected TimeProvider).</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The patient's id.</summary>
    public required string PatientId { get; init; }

    /// <summary>Birth date, with its precision; null when not known.</summary>
    public FhirDateTime? BirthDate { get; init; }

    /// <summary>Administrative gender (male, female, other, unknown); null when not known.</summary>
    public string? Gender { get; init; }

    /// <summary>Diagnoses that are not refuted or entered in error.</summary>
    public required IReadOnlyList<Diagnosis> Diagnoses { get; init; }

    /// <summary>Therapy episodes, oldest first.</summary>
    public required IReadOnlyList<TherapyEpisode> Episodes { get; init; }

    /// <summary>Observations, newest first.</summary>
    public required IReadOnlyList<ObservationPoint> Observations { get; init; }

    /// <summary>Procedures, oldest first.</summary>
    public required IReadOnlyList<ProcedureEvent> Procedures { get; init; }

    /// <summary>Orders being selected or signed.</summary>
    public required IReadOnlyList<DraftOrder> DraftOrders { get; init; }

    /// <summary>Resource types whose data could not be obtained (criteria they feed are unknown).</summary>
    public required IReadOnlySet<string> MissingResourceTypes { get; init; }

    /// <summary>Resources that failed their profile and are not in the lists above (criteria they would feed are unknown).</summary>
    public IReadOnlyList<SetAsideItem> SetAside { get; init; } = [];

    /// <summary>
    /// The dated observations <paramref name="include"/> accepts, newest first, from <see cref="AsOf"/> back to
    /// <paramref name="since"/> (exclusive; null for no limit). Results dated after <see cref="AsOf"/> are skipped.
    /// </summary>
    public IEnumerable<(ObservationPoint Point, FhirDateTime Time)> ObservationsSince(DateTimeOffset? since, Func<ObservationPoint, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        foreach (var point in Observations)
        {
            if (point.Time is not { } time || time.LowerBound > AsOf || !include(point))
            {
                continue;
            }

            if (since is { } start && time.UpperBound <= start)
            {
                yield break; // newest first: everything after this is older still
            }

            yield return (point, time);
        }
    }

    /// <summary>Whether data of this resource type could not be obtained.</summary>
    public bool IsMissing(string resourceType) => MissingResourceTypes.Contains(resourceType);

    /// <summary>Whole years of age at <see cref="AsOf"/>, or null when the birth date is unknown or too imprecise.</summary>
    public int? AgeInYears
    {
        get
        {
            if (BirthDate is not { } birth || birth.Precision == FhirDatePrecision.Year)
            {
                return null;
            }

            var born = DateOnly.FromDateTime(birth.LowerBound.UtcDateTime);
            var today = DateOnly.FromDateTime(AsOf.UtcDateTime);
            int age = today.Year - born.Year;
            if (today < born.AddYears(age))
            {
                age--;
            }

            return age;
        }
    }
}
