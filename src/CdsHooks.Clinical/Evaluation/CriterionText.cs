using System.Globalization;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical.Evaluation;

/// <summary>
/// Words for a criterion, for evaluation traces: the construct's keyword and what it asks, with value-set titles and
/// assumption values filled in (an assumption is named, since it is local policy). Built once, when a pack compiles.
/// </summary>
internal sealed class CriterionText(TerminologyCatalog terminology, IReadOnlyDictionary<string, AssumptionValue> assumptions)
{
    public (string Kind, string Text) Describe(Criterion criterion) => criterion switch
    {
        AllCriterion => ("all", "All of these hold"),
        AnyCriterion => ("any", "At least one of these holds"),
        NotCriterion => ("not", "None of this holds"),
        RefCriterion r => ("ref", $"Definition '{r.Name}'"),
        DiagnosisCriterion d => ("diagnosis", $"{(d.ActiveOnly ? "Current diagnosis" : "Diagnosis, current or past")}: {Title(d.ValueSet)}"),
        FailedMechanismsCriterion f => ("failedMechanisms",
            $"At least {Value(f.AtLeast)} mechanism classes of {Title(f.ValueSet)} failed{Intolerance(f.IntoleranceCounts)}"),
        TherapyCriterion t => ("therapy", Therapy(t)),
        ObservationCriterion o => ("observation", Observation(o)),
        ProcedureCriterion p => ("procedure", $"Procedure: {Title(p.ValueSet)}{Within(p.Within)}"),
        AgeCriterion a => ("age", $"Age {a.Comparison.Symbol()} {Value(a.Years)} years"),
        SexCriterion s => ("sex", $"Administrative sex is {s.Gender}"),
        DraftOrderCriterion d => ("draftOrder", d.Stopping ? $"An order to stop {Title(d.ValueSet)}" : $"An order being placed for {Title(d.ValueSet)}"),
        TimeSinceCriterion t => ("timeSince",
            $"Time since the {Edge(t.Edge)} of the latest {t.EventType} of {Title(t.ValueSet)} {t.Comparison.Symbol()} {Value(t.Span)}"),
        ConcurrentMechanismsCriterion c => ("concurrentMechanisms",
            $"At least {Value(c.AtLeast)} mechanisms of {Title(c.ValueSet)} given at the same time{(c.IncludeDraftOrders ? ", counting the order being placed" : string.Empty)}"),
        LinesOfTherapyCriterion l => ("linesOfTherapy",
            $"{(l.EndedOnly ? "Completed lines" : "Lines")} of therapy with {Title(l.ValueSet)} {l.Comparison.Symbol()} {Value(l.Count)}"),
        IntervalCriterion i => ("interval", $"Time from {Event(i.From)} to the next {Event(i.To)} {i.Comparison.Symbol()} {Value(i.Span)}"),
        AssumptionCriterion a => ("assumption", $"Site policy '{a.Name}' is on (currently {Assumed(a.Name)})"),
        GenomicResultCriterion g => ("genomicResult",
            $"Genomic result for {Title(g.Gene ?? g.ValueSet ?? "the gene")}{Within(g.Within)}{(g.CodedValueSet is null ? (g.ExistsOnly ? " is recorded" : string.Empty) : $" in {Title(g.CodedValueSet)}")}"),
        CombinedTherapyCriterion c => ("combinedTherapy",
            $"{Title(c.ValueSet)} together with {string.Join(" and ", c.With.Select(Title))} for at least {Value(c.AtLeast)}{(Flag(c.Continuous) ? ", continuously" : string.Empty)}"),
        TiterCriterion t => ("titer", $"{Title(t.ValueSet)} titre{Within(t.Within)} {t.Comparison.Symbol()} 1:{Value(t.Value)}"),
        AbnormalResultCriterion r => ("abnormalResult", $"{Title(r.ValueSet)}{Within(r.Within)} {(r.High ? "above" : "below")} the reference range"),
        ComponentCountCriterion k => ("componentCount",
            $"{Title(k.ValueSet)}{Within(k.Within)}: components in {Title(k.CodedValueSet)} {k.Comparison.Symbol()} {Value(k.Count)}"),
        _ => (criterion.GetType().Name, criterion.GetType().Name),
    };

    private string Therapy(TherapyCriterion t)
    {
        string state = t.State switch
        {
            TherapyState.Active => "running now",
            TherapyState.Ended => "ended",
            TherapyState.Running => "still being given",
            _ => "ever given",
        };
        var text = $"{Title(t.ValueSet)} {state}";
        if (t.Outcomes is { Count: > 0 } outcomes)
        {
            text += $", with outcome {string.Join(" or ", outcomes)}";
        }

        text += t.StartedWithin is null ? string.Empty : $", started within {Value(t.StartedWithin)}";
        text += t.StartedBefore is null ? string.Empty : $", started more than {Value(t.StartedBefore)} ago";
        text += t.LastedAtLeast is null ? string.Empty : $", lasting at least {Value(t.LastedAtLeast)}";
        return text + (t.SinceDiagnosis is null ? string.Empty : $", since the diagnosis of {Title(t.SinceDiagnosis)}");
    }

    private string Observation(ObservationCriterion o)
    {
        var text = Title(o.ValueSet) + (o.ComponentValueSet is null ? string.Empty : $" ({Title(o.ComponentValueSet)})") + Within(o.Within);
        if (o.ExistsOnly)
        {
            return text + (o.CodedValueSet is null ? " is recorded" : $" is recorded as {Title(o.CodedValueSet)}");
        }

        if (o.CodedValueSet is not null)
        {
            return text + $": latest result is {Title(o.CodedValueSet)}";
        }

        return o.Comparison is { } comparison && o.Value is not null
            ? text + $": latest value {comparison.Symbol()} {Value(o.Value)}{(o.Unit is null ? string.Empty : " " + o.Unit)}"
            : text;
    }

    private string Event(EventSelector selector)
        => $"{Edge(selector.Edge)} of {selector.EventType} {Title(selector.ValueSet)}"
            + (selector.Line is { } line ? $" (line {line})" : string.Empty)
            + (selector.CodedValueSet is null ? string.Empty : $" recorded as {Title(selector.CodedValueSet)}");

    private static string Edge(EventEdge edge) => edge == EventEdge.End ? "end" : "start";

    private string Within(Parameter<ClinicalDuration>? within) => within is null ? string.Empty : $" within {Value(within)}";

    private string Title(string idOrUrl) => terminology.TryGet(idOrUrl, out var valueSet) ? valueSet.Title : idOrUrl;

    private string Value(Parameter<decimal> parameter) => Resolved(parameter.AssumptionName, parameter.Literal.ToString("0.####", CultureInfo.InvariantCulture));

    private string Value(Parameter<ClinicalDuration> parameter)
        => Resolved(parameter.AssumptionName, parameter.Literal.ToString(), ClinicalDuration.TryParse);

    private bool Flag(Parameter<bool> parameter)
        => parameter.AssumptionName is { } name && assumptions.TryGetValue(name, out var value) ? value.Value == "true" : parameter.Literal;

    private string Intolerance(Parameter<bool> counts)
    {
        string text = Flag(counts) ? "intolerance counts as failure" : "intolerance does not count as failure";
        return counts.AssumptionName is { } name ? $" ({text}: site policy '{name}')" : Flag(counts) ? $" ({text})" : string.Empty;
    }

    private string Assumed(string name) => assumptions.TryGetValue(name, out var value) ? value.Value : "not set";

    private delegate bool Parser<T>(string? text, out T value);

    private string Resolved(string? assumption, string literal, Parser<ClinicalDuration>? duration = null)
    {
        if (assumption is null || !assumptions.TryGetValue(assumption, out var value))
        {
            return literal;
        }

        string shown = duration is not null && duration(value.Value, out var span) ? span.ToString() : value.Value;
        return $"{shown} (site policy '{assumption}')";
    }
}
