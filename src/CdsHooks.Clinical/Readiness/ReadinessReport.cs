using System.Text.Json.Serialization;

namespace CdsHooks.Clinical.Readiness;

/// <summary>
/// What one patient's FHIR data offers each knowledge pack: per data element the pack reads, whether it is present,
/// absent, present but uncoded or coded in an unexpected system, or present but failing its profile. For integration
/// teams, before go-live: why a rule would never fire on their data. Carries resource references, never their content.
/// </summary>
public sealed record ReadinessReport
{
    /// <summary>The patient's id.</summary>
    public required string PatientId { get; init; }

    /// <summary>How many resources of each type were read.</summary>
    public required IReadOnlyDictionary<string, int> ResourceCounts { get; init; }

    /// <summary>The validation of the resources against the conformance package.</summary>
    public required ValidationSummary Validation { get; init; }

    /// <summary>One entry per pack, in load order.</summary>
    public required IReadOnlyList<PackReadiness> Packs { get; init; }

    /// <summary>Resources no pack can classify: uncoded, or coded only in systems no ValueSet of the package uses.</summary>
    public required IReadOnlyList<UnclassifiedResource> Unclassified { get; init; }

    /// <summary>Data that could not be read or retrieved, in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The validation of a patient's resources.</summary>
/// <param name="Checked">Resources validated (the types the package profiles).</param>
/// <param name="Invalid">Resources with at least one error.</param>
/// <param name="Issues">Every error and warning, with the resource it is about.</param>
public sealed record ValidationSummary(int Checked, int Invalid, IReadOnlyList<ReadinessIssue> Issues);

/// <summary>One validation finding.</summary>
/// <param name="Reference">The resource, e.g. <c>Observation/obs-3</c>.</param>
/// <param name="Severity">error or warning.</param>
/// <param name="Code">The stable code, e.g. <c>FHIR-VAL-009</c>.</param>
/// <param name="Expression">Where, e.g. <c>Observation.valueQuantity.system</c>.</param>
/// <param name="Diagnostics">What is wrong.</param>
public sealed record ReadinessIssue(string Reference, string Severity, string? Code, string? Expression, string? Diagnostics);

/// <summary>One pack's view of the patient's data.</summary>
/// <param name="Pack">Pack id.</param>
/// <param name="Title">Pack title.</param>
/// <param name="Version">Pack version.</param>
/// <param name="InScope">yes, no or unknown: whether the pack's scope (its disease) holds for the patient.</param>
/// <param name="Requirements">Each data element the pack reads.</param>
public sealed record PackReadiness(string Pack, string Title, string Version, string InScope, IReadOnlyList<RequirementReadiness> Requirements);

/// <summary>One data element a pack reads and what the patient's data offers for it.</summary>
/// <param name="Role">diagnosis, therapy, result, procedure or demographic.</param>
/// <param name="ValueSet">The value set id the code must be in (null for demographics).</param>
/// <param name="Title">What it is, e.g. "anti-TNF".</param>
/// <param name="ResourceTypes">The resource types that can supply it.</param>
/// <param name="Status">What was found.</param>
/// <param name="Resources">The resources that supply it (or would, once coded or conforming).</param>
/// <param name="Elements">For present data: how many of the resources carry each element the rules read.</param>
/// <param name="UsedBy">The rules that read it.</param>
/// <param name="Problems">Other resources that are this element but cannot be used: uncoded, coded in an unexpected system, or failing the profile.</param>
public sealed record RequirementReadiness(
    string Role,
    string? ValueSet,
    string Title,
    IReadOnlyList<string> ResourceTypes,
    ReadinessStatus Status,
    IReadOnlyList<string> Resources,
    IReadOnlyList<ElementPresence> Elements,
    IReadOnlyList<string> UsedBy,
    IReadOnlyList<ResourceProblem> Problems)
{
    /// <summary>Whether the data has a gap here a rule could trip on: unusable resources, or elements missing from present ones.</summary>
    public bool HasGap => Status is not (ReadinessStatus.Present or ReadinessStatus.Absent) || Problems.Count > 0 || Elements.Any(e => e.Present < e.Of);
}

/// <summary>A resource that is a data element but cannot be used as it is.</summary>
/// <param name="Reference">The resource.</param>
/// <param name="Status">Uncoded, unexpected system or fails profile.</param>
public sealed record ResourceProblem(string Reference, ReadinessStatus Status);

/// <summary>How many of the supplying resources carry one element.</summary>
/// <param name="Element">The element, e.g. <c>MedicationStatement.statusReason</c>.</param>
/// <param name="Present">How many carry it.</param>
/// <param name="Of">Out of how many.</param>
public sealed record ElementPresence(string Element, int Present, int Of);

/// <summary>A resource no ValueSet of the package classifies, and why.</summary>
/// <param name="Reference">The resource.</param>
/// <param name="Reason">uncoded (text only), or the unexpected systems it is coded in.</param>
public sealed record UnclassifiedResource(string Reference, string Reason);

/// <summary>What the patient's data offers for one data element.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadinessStatus>))]
public enum ReadinessStatus
{
    /// <summary>Conforming, coded data is there.</summary>
    [JsonStringEnumMemberName("present")]
    Present,

    /// <summary>Nothing in the data is this element.</summary>
    [JsonStringEnumMemberName("absent")]
    Absent,

    /// <summary>A resource names it in text only; the rules need a code.</summary>
    [JsonStringEnumMemberName("uncoded")]
    Uncoded,

    /// <summary>A resource names it, but in a code system the package's ValueSet does not use (map it with a ConceptMap).</summary>
    [JsonStringEnumMemberName("unexpected-system")]
    UnexpectedSystem,

    /// <summary>Coded data is there but fails its profile, so the service sets it aside.</summary>
    [JsonStringEnumMemberName("fails-profile")]
    FailsProfile,

    /// <summary>The resource type could not be retrieved or read.</summary>
    [JsonStringEnumMemberName("not-retrieved")]
    NotRetrieved,
}
