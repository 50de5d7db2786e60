using System.Text.Json;
using System.Diagnostics;
using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Clinical.Timeline;
using CdsHooks.Protocol.Cards;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CdsHooks.Clinical.Invocation;

/// <summary>
/// The engine: builds the timeline, evaluates every pack in scope for the hook, and composes at most one card
/// per rule, ordered status first, then hazards, regimens and data gaps.
/// </summary>
public sealed partial class RefractoryEngine(
    KnowledgeBase knowledge,
    TimeProvider time,
    IOptions<ClinicalOptions> options,
    ILogger<RefractoryEngine> logger) : IRefractoryEngine
{
    private readonly TimelineBuilder _timelineBuilder = new(knowledge.Terminology);
    private readonly CardComposer _composer = new(knowledge.Terminology);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Card>> EvaluateAsync(HookInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        cancellationToken.ThrowIfCancellationRequested();
        long started = Stopwatch.GetTimestamp();
        var timeline = _timelineBuilder.Build(invocation, time.GetUtcNow());
        var outcomes = PackEvaluator.Evaluate(knowledge.Packs, timeline, invocation.Hook);
        var cards = new List<(Card Card, int Order)>();
        foreach (var outcome in outcomes)
        {
            if (_composer.Compose(outcome, invocation.HookInstance, invocation.PatientId, options.Value.ShowNotRefractoryCards) is { } card)
            {
                cards.Add((card, Order(outcome)));
            }
        }

        // Missing data is said once, where it could matter: without Conditions no pack can tell whether it applies;
        // with them, only a patient some pack covers needs to know. Patients outside every pack still hear nothing.
        bool conditionsMissing = timeline.IsMissing("Condition") && !invocation.DataGaps.Any(g => g.ResourceType == "Condition" && g.Partial);
        if (invocation.DataGaps.Count > 0 && (conditionsMissing || outcomes.Count > 0))
        {
            cards.Add((DataUnavailableCard(invocation, conditionsMissing), int.MaxValue));
        }

        var ordered = cards.OrderBy(c => c.Order).Select(c => c.Card).ToList();
        if (logger.IsEnabled(LogLevel.Information))
        {
            double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogEvaluated(logger, invocation.HookInstance, invocation.Hook, outcomes.Count, ordered.Count, elapsedMs);
        }
        return ValueTask.FromResult<IReadOnlyList<Card>>(ordered);
    }

    private static int Order(RuleOutcome outcome)
    {
        var rule = outcome.Rule.Rule;
        int kind = rule.Kind switch
        {
            CardKind.RefractoryStatus => 0,
            CardKind.Safety when rule.Card.Indicator == "critical" => 1,
            CardKind.NotRecommended => 2,
            CardKind.Safety => 3,
            CardKind.Regimen => 4,
            _ => 5,
        };
        return (kind * 10_000) + rule.Priority;
    }

    /// <summary>The rule id of the card that reports data the service could not retrieve.</summary>
    public const string DataUnavailableRule = "engine.data-unavailable";

    // Not a knowledge pack: the card comes from the service itself.
    private const string DataUnavailablePack = "service";

    private static Card DataUnavailableCard(HookInvocation invocation, bool conditionsMissing) => new()
    {
        Uuid = CardComposer.StableUuid(invocation.HookInstance, DataUnavailableRule),
        Summary = conditionsMissing
            ? "Refractory-disease checks could not run: the patient's conditions could not be retrieved."
            : "Some of the patient's data could not be retrieved; conclusions that depend on it show as insufficient data.",
        Detail = (conditionsMissing
                ? "The service could not obtain the patient's Condition resources from prefetch or from the EHR's FHIR server, "
                    + "so it cannot tell which disease applies. No conclusion about refractory disease was drawn."
                : "The assessment used the data that could be retrieved. A criterion that needed the missing data is reported "
                    + "as unknown (insufficient data), never as not met.")
            + "\n\n**Data not retrieved:**\n"
            + string.Join("\n", invocation.DataGaps.Select(g => $"- {g.ResourceType} (prefetch key '{g.PrefetchKey}'){(g.Partial ? ", in part" : string.Empty)}: {g.Reason}")),
        Indicator = CardIndicator.Info,
        Source = new CardSource
        {
            Label = "Refractory-disease CDS service",
            Topic = new CdsCoding { System = KnownSystems.CardKind, Code = CardKind.DataGap.Code(), Display = CardKind.DataGap.Display() },
        },
        Extension = new Dictionary<string, JsonElement>
        {
            [AssessmentRecord.ExtensionKey] = new AssessmentRecord
            {
                Pack = DataUnavailablePack,
                Rule = DataUnavailableRule,
                Kind = CardKind.DataGap.Code(),
                Missing = invocation.DataGaps.Select(g => $"{g.ResourceType} ({g.PrefetchKey}): {g.Reason}").ToList(),
            }.ToJsonElement(),
        },
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Evaluated hook {HookInstance} ({Hook}): {RuleCount} rules, {CardCount} cards in {ElapsedMs:0.000} ms")]
    private static partial void LogEvaluated(ILogger logger, string hookInstance, string hook, int ruleCount, int cardCount, double elapsedMs);
}
