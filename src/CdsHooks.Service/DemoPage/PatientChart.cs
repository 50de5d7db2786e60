using System.Text.Json;

namespace CdsHooks.Service.DemoPage;

/// <summary>What the demo EHR's chart shows for one patient, projected from the engine's own <c>PatientTimeline</c>.</summary>
internal sealed record PatientChart
{
    public required ChartPatient Patient { get; init; }

    public required string Area { get; init; }

    public required string Vignette { get; init; }

    public required string Summary { get; init; }

    /// <summary>The evaluation instant of the timeline (the service's "now").</summary>
    public required DateTimeOffset AsOf { get; init; }

    public required IReadOnlyList<ChartCondition> Conditions { get; init; }

    public required IReadOnlyList<ChartResult> KeyResults { get; init; }

    public required IReadOnlyList<ChartEpisode> Episodes { get; init; }

    public required IReadOnlyList<ChartEvent> Procedures { get; init; }

    /// <summary>Dated results the engine's value sets know, for markers on the timeline, newest first.</summary>
    public required IReadOnlyList<ChartResult> Observations { get; init; }

    /// <summary>Orders in the demo store that are not signed yet (drafts and accepted suggestions).</summary>
    public required IReadOnlyList<ChartOrder> PendingOrders { get; init; }

    /// <summary>The vignette's own draft orders, offered in the order form.</summary>
    public required IReadOnlyList<JsonElement> VignetteOrders { get; init; }
}

internal sealed record ChartPatient(string Id, string Name, string? Gender, string? BirthDate, int? Age);

internal sealed record ChartCondition(string Reference, string Text, string? Onset, string? ClinicalStatus, string? VerificationStatus);

internal sealed record ChartResult(string Reference, string Text, string? Time, string Value, string? Interpretation, IReadOnlyList<string> ValueSets);

/// <summary>One therapy episode as a bar: mechanism class (its colour) and outcome (its marker).</summary>
internal sealed record ChartEpisode(
    string Reference,
    string Label,
    string Source,
    string? MechanismClass,
    string? Mechanism,
    string? Start,
    string? End,
    bool Active,
    string Outcome,
    string OutcomeText,
    int? Line);

internal sealed record ChartEvent(string Reference, string Text, string? Start, string? End);

internal sealed record ChartOrder(string Reference, string ResourceType, string Label, string? Status, string? Mechanism);
