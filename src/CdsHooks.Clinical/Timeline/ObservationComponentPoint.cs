using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>One component of an observation (e.g. one organ domain of a composite activity score).</summary>
public sealed record ObservationComponentPoint
{
    /// <summary>The component's code.</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>The value sets the component code belongs to.</summary>
    public required ValueSetMask Memberships { get; init; }

    /// <summary>The coded value, if the component has one.</summary>
    public CodeableConcept? CodedValue { get; init; }

    /// <summary>The value sets the coded value belongs to.</summary>
    public required ValueSetMask ValueMemberships { get; init; }

    /// <summary>Whether the component carries a value at all (no value, or a data-absent reason, means not assessed).</summary>
    public bool HasValue { get; init; }
}
