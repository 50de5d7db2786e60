using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Timeline;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>
/// The first onset of a diagnosis in a value set (any clinical status), which admits or rejects therapy episodes
/// by their start date: <c>therapy.sinceDiagnosis</c>.
/// </summary>
internal sealed record FirstOnset(bool Found, FhirDateTime? Onset, string? Reference, bool Retrievable)
{
    public static FirstOnset Of(PatientTimeline timeline, int valueSet)
    {
        FhirDateTime? first = null;
        string? reference = null;
        bool found = false;
        foreach (var diagnosis in timeline.Diagnoses)
        {
            if (!diagnosis.Memberships.Contains(valueSet))
            {
                continue;
            }

            if (diagnosis.Onset is not { } onset)
            {
                return new FirstOnset(true, null, diagnosis.Reference, true); // an undated diagnosis could be the first
            }

            if (!found || onset.LowerBound < first!.Value.LowerBound)
            {
                (first, reference) = (onset, diagnosis.Reference);
            }

            found = true;
        }

        return new FirstOnset(found, first, reference, !timeline.IsMissing("Condition"));
    }

    /// <summary>True when the episode started on or after the onset, false when before, unknown when either date is missing or they overlap.</summary>
    public Tri Admits(FhirDateTime? start)
    {
        if (!Found)
        {
            return Retrievable ? Tri.False : Tri.Unknown;
        }

        if (Onset is not { } onset || start is not { } begun)
        {
            return Tri.Unknown;
        }

        return begun.LowerBound >= onset.LowerBound ? Tri.True
            : begun.UpperBound <= onset.LowerBound ? Tri.False
            : Tri.Unknown;
    }
}
