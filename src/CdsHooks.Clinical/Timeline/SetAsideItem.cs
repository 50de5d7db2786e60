using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// A resource that failed its profile and was left out of the timeline: which value sets its code (or, failing that,
/// its text) falls in, so the criteria it would have fed can say they are unknown, and why it was set aside.
/// </summary>
public sealed record SetAsideItem
{
    /// <summary>A relative reference such as <c>Observation/obs-3</c>.</summary>
    public required string Reference { get; init; }

    /// <summary>The resource type.</summary>
    public required string ResourceType { get; init; }

    /// <summary>The value sets its code or text falls in.</summary>
    public required ValueSetMask Memberships { get; init; }

    /// <summary>What it is, e.g. the drug or test name; the resource type when it names nothing.</summary>
    public required string Label { get; init; }

    /// <summary>Why it was set aside (profile and first error), without patient data.</summary>
    public required string Reason { get; init; }
}
