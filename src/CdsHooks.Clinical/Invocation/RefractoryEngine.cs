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

        if (timeline.IsMissing("Condition"))
        {
            cards.Add((MissingConditionsCard(invocation), int.MaxValue));
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

    // Without Conditions no pack can tell whether the patient has its disease: say so once, instead of staying silent.
    private static Card MissingConditionsCard(HookInvocation invocation) => new()
    {
        Uuid = CardComposer.StableUuid(invocation.HookInstance, "engine.conditions-unavailable"),
        Summary = "Refractory-disease checks could not run: the patient's conditions could not be retrieved.",
        Detail = "The service could not obtain the patient's Condition resources from prefetch or from the EHR's FHIR server, "
            + "so it cannot tell which disease applies. No conclusion about refractory disease was drawn.\n\n"
            + string.Join("\n", invocation.DataGaps.Select(g => $"- {g.PrefetchKey} ({g.ResourceType}): {g.Reason}")),
        Indicator = CardIndicator.Info,
        Source = new CardSource
        {
            Label = "Refractory-disease CDS service",
            Topic = new CdsCoding { System = KnownSystems.CardKind, Code = CardKind.DataGap.Code(), Display = CardKind.DataGap.Display() },
        },
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Evaluated hook {HookInstance} ({Hook}): {RuleCount} rules, {CardCount} cards in {ElapsedMs:0.000} ms")]
    private static partial void LogEvaluated(ILogger logger, string hookInstance, string hook, int ruleCount, int cardCount, double elapsedMs);
}
