using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// What happened on a therapy episode. The codes are those of the project CodeSystem
/// <c>http://refractorycds.org/fhir/CodeSystem/therapy-outcome</c>; SNOMED CT stop reasons map onto them through
/// a ConceptMap in <c>fhir-profiles/</c>, not through code.
/// </summary>
public enum TherapyOutcome
{
    /// <summary>Nothing recorded says how the episode went.</summary>
    Unknown,

    /// <summary>Still running, and too early or not yet assessed.</summary>
    Ongoing,

    /// <summary>The disease responded.</summary>
    Response,

    /// <summary>No response from the start.</summary>
    PrimaryNonResponse,

    /// <summary>Responded, then lost the response.</summary>
    SecondaryLossOfResponse,

    /// <summary>Stopped for intolerance or an adverse event.</summary>
    Intolerance,

    /// <summary>The disease progressed on or soon after the therapy.</summary>
    Progression,

    /// <summary>The disease relapsed after the therapy.</summary>
    Relapse,
}

/// <summary>Wire codes and classification of <see cref="TherapyOutcome"/>.</summary>
public static class TherapyOutcomes
{
    /// <summary>The CodeSystem code of an outcome.</summary>
    public static string Code(this TherapyOutcome outcome) => outcome switch
    {
        TherapyOutcome.Ongoing => "ongoing",
        TherapyOutcome.Response => "response",
        TherapyOutcome.PrimaryNonResponse => "primary-non-response",
        TherapyOutcome.SecondaryLossOfResponse => "secondary-loss-of-response",
        TherapyOutcome.Intolerance => "intolerance",
        TherapyOutcome.Progression => "progression",
        TherapyOutcome.Relapse => "relapse",
        _ => "unknown",
    };

    /// <summary>Parses a CodeSystem code; unknown codes give false.</summary>
    public static bool TryParse(string code, out TherapyOutcome outcome)
    {
        outcome = code switch
        {
            "ongoing" => TherapyOutcome.Ongoing,
            "response" => TherapyOutcome.Response,
            "primary-non-response" => TherapyOutcome.PrimaryNonResponse,
            "secondary-loss-of-response" => TherapyOutcome.SecondaryLossOfResponse,
            "intolerance" => TherapyOutcome.Intolerance,
            "progression" => TherapyOutcome.Progression,
            "relapse" => TherapyOutcome.Relapse,
            "unknown" => TherapyOutcome.Unknown,
            _ => (TherapyOutcome)(-1),
        };
        return (int)outcome >= 0;
    }

    /// <summary>
    /// The first outcome a concept's codings name, directly or through a ConceptMap (e.g. a SNOMED CT stop reason).
    /// </summary>
    public static bool TryFrom(CodeableConcept? concept, TerminologyCatalog terminology, out TherapyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(terminology);
        foreach (var coding in concept?.Coding ?? [])
        {
            if (terminology.TryTranslate(coding, KnownSystems.TherapyOutcome, out var code) && TryParse(code, out outcome))
            {
                return true;
            }
        }

        outcome = TherapyOutcome.Unknown;
        return false;
    }

    /// <summary>
    /// Whether the outcome is a treatment failure. Intolerance counts only where the site's policy says so:
    /// the Crohn's paper speaks of "insufficient or no response", which intolerance is not.
    /// </summary>
    public static bool IsFailure(this TherapyOutcome outcome, bool intoleranceCounts) => outcome switch
    {
        TherapyOutcome.PrimaryNonResponse or TherapyOutcome.SecondaryLossOfResponse
            or TherapyOutcome.Progression or TherapyOutcome.Relapse => true,
        TherapyOutcome.Intolerance => intoleranceCounts,
        _ => false,
    };

    /// <summary>Whether the outcome is still to be learned (so a failure count could yet rise).</summary>
    public static bool IsUndetermined(this TherapyOutcome outcome) =>
        outcome is TherapyOutcome.Unknown or TherapyOutcome.Ongoing;

    /// <summary>A short human phrase for card text.</summary>
    public static string Describe(this TherapyOutcome outcome) => outcome switch
    {
        TherapyOutcome.Ongoing => "ongoing",
        TherapyOutcome.Response => "response",
        TherapyOutcome.PrimaryNonResponse => "primary non-response",
        TherapyOutcome.SecondaryLossOfResponse => "secondary loss of response",
        TherapyOutcome.Intolerance => "intolerance or adverse event",
        TherapyOutcome.Progression => "progression",
        TherapyOutcome.Relapse => "relapse",
        _ => "outcome not recorded",
    };
}
