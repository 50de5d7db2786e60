using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Evaluation.Predicates;
using CdsHooks.Clinical.Rules.Loading;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation;

/// <summary>
/// Compiles a pack against the terminology and the site's assumption overrides. Every reference is checked here,
/// so that a bad pack stops startup instead of silently never firing.
/// </summary>
public sealed class PackCompiler(TerminologyCatalog terminology)
{
    /// <summary>Compiles one pack.</summary>
    public CompiledPack Compile(KnowledgePack pack, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(overrides);
        var assumptions = ResolveAssumptions(pack, overrides);
        var definitionIndex = pack.Definitions.Keys.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var definitionStubs = definitionIndex.ToDictionary(kv => kv.Key, kv => new DefinitionEvaluator(kv.Value), StringComparer.Ordinal);
        var scope = new Scope(this, pack, null, assumptions, definitionStubs);
        foreach (var (name, criterion) in pack.Definitions)
        {
            definitionStubs[name].Target = scope.Compile(criterion, new HashSet<string>(StringComparer.Ordinal) { name });
        }

        var rules = new List<CompiledRule>();
        foreach (var rule in pack.Rules)
        {
            var ruleScope = new Scope(this, pack, rule.Id, assumptions, definitionStubs);
            var when = ruleScope.Compile(rule.When, new HashSet<string>(StringComparer.Ordinal));
            ValidateCard(pack, rule, ruleScope.UsedAssumptions);
            rules.Add(new CompiledRule
            {
                Rule = rule,
                When = when,
                Assumptions = ruleScope.UsedAssumptions.Select(n => assumptions[n]).ToList(),
            });
        }

        return new CompiledPack
        {
            Pack = pack,
            Scope = new Scope(this, pack, null, assumptions, definitionStubs).Compile(pack.Scope, []),
            Rules = rules.OrderBy(r => r.Rule.Priority).ToList(),
            DefinitionCount = definitionIndex.Count,
        };
    }

    private static Dictionary<string, AssumptionValue> ResolveAssumptions(KnowledgePack pack, IReadOnlyDictionary<string, string> overrides)
    {
        var result = new Dictionary<string, AssumptionValue>(StringComparer.Ordinal);
        foreach (var assumption in pack.Assumptions)
        {
            string value = overrides.TryGetValue(assumption.Name, out var site) ? site : assumption.Default;
            if (!AssumptionValues.IsValid(assumption.Type, value))
            {
                throw new PackLoadException(pack.File, 1, null,
                    $"the site override Clinical:Packs:{pack.Id}:Assumptions:{assumption.Name} = '{value}' is not a valid {assumption.Type.ToString().ToLowerInvariant()}");
            }

            result[assumption.Name] = new AssumptionValue(assumption.Name, value, assumption.Default, assumption.Description, assumption.Type);
        }

        foreach (string name in overrides.Keys)
        {
            if (!result.ContainsKey(name))
            {
                throw new PackLoadException(pack.File, 1, null,
                    $"the site override Clinical:Packs:{pack.Id}:Assumptions:{name} names no assumption of this pack; known: {string.Join(", ", result.Keys)}");
            }
        }

        return result;
    }

    private static void ValidateCard(KnowledgePack pack, RuleDefinition rule, IReadOnlySet<string> usedAssumptions)
    {
        foreach (string text in new[] { rule.Card.Summary, rule.Card.Detail, rule.Card.InsufficientData?.Summary, rule.Card.InsufficientData?.Detail, rule.Card.NotRefractory?.Summary }.OfType<string>())
        {
            if (CardText.FindUnknownPlaceholder(text, pack.Assumptions.Select(a => a.Name)) is { } unknown)
            {
                throw new PackLoadException(pack.File, Line(rule.Origin), rule.Id,
                    $"unknown placeholder '{{{unknown}}}' in card text; known: {string.Join(", ", CardText.Placeholders)}, and {{param:<assumption>}}");
            }

            // Only the assumptions a rule's criterion uses are rendered (and listed under Local policy) on its card.
            if (CardText.FindUnknownPlaceholder(text, usedAssumptions) is { } unused)
            {
                throw new PackLoadException(pack.File, Line(rule.Origin), rule.Id,
                    $"placeholder '{{{unused}}}' names an assumption this rule's criterion does not use, so it would not be rendered; use the assumption in 'when' or write the value");
            }
        }
    }

    internal static int Line(string origin) =>
        int.TryParse(origin.AsSpan(origin.LastIndexOf(':') + 1), out int line) ? line : 1;

    /// <summary>Compilation state for one rule (or the pack scope and definitions).</summary>
    private sealed class Scope(
        PackCompiler compiler,
        KnowledgePack pack,
        string? ruleId,
        Dictionary<string, AssumptionValue> assumptions,
        Dictionary<string, DefinitionEvaluator> definitions)
    {
        private readonly CriterionText _text = new(compiler._terminology, assumptions);

        public HashSet<string> UsedAssumptions { get; } = new(StringComparer.Ordinal);

        // Every evaluator carries its words for traces (they cost nothing at evaluation time), and every leaf is
        // guarded so that data set aside for failing its profile makes it unknown, not false.
        public Evaluator Compile(Criterion criterion, HashSet<string> path)
        {
            var evaluator = Conformance.ConformanceGuard.Wrap(criterion, CompileCriterion(criterion, path), compiler._terminology);
            (evaluator.TraceKind, evaluator.TraceText) = _text.Describe(criterion);
            return evaluator;
        }

        private Evaluator CompileCriterion(Criterion criterion, HashSet<string> path) => criterion switch
        {
            AllCriterion all => new JunctionEvaluator(all.Parts.Select(p => Compile(p, path)).ToList(), isAll: true),
            AnyCriterion any => new JunctionEvaluator(any.Parts.Select(p => Compile(p, path)).ToList(), isAll: false),
            NotCriterion not => new NotEvaluator(Compile(not.Inner, path)),
            RefCriterion r => Reference(r, path),
            DiagnosisCriterion d => new DiagnosisEvaluator(ValueSet(d.ValueSet, d), Title(d.ValueSet), d.ActiveOnly),
            FailedMechanismsCriterion f => new FailedMechanismsEvaluator(
                ValueSet(f.ValueSet, f), (int)Number(f.AtLeast, f), Bool(f.IntoleranceCounts, f)),
            TherapyCriterion t => new TherapyEvaluator(
                ValueSet(t.ValueSet, t),
                Title(t.ValueSet),
                t.State,
                t.Outcomes?.Select(code => TherapyOutcomes.TryParse(code, out var o) ? o : TherapyOutcome.Unknown).ToHashSet(),
                Duration(t.StartedWithin, t),
                Duration(t.StartedBefore, t),
                Duration(t.LastedAtLeast, t),
                t.SinceDiagnosis is null ? null : ValueSet(t.SinceDiagnosis, t),
                t.SinceDiagnosis is null ? null : Title(t.SinceDiagnosis)),
            ObservationCriterion o => new ObservationEvaluator(
                ValueSet(o.ValueSet, o),
                Title(o.ValueSet),
                Duration(o.Within, o),
                o.Comparison,
                o.Value is null ? null : Number(o.Value, o),
                o.Unit,
                o.CodedValueSet is null ? null : ValueSet(o.CodedValueSet, o),
                o.ExistsOnly)
            {
                ComponentValueSet = o.ComponentValueSet is null ? null : ValueSet(o.ComponentValueSet, o),
                ComponentTitle = o.ComponentValueSet is null ? null : Title(o.ComponentValueSet),
            },
            ProcedureCriterion p => new ProcedureEvaluator(ValueSet(p.ValueSet, p), Title(p.ValueSet), Duration(p.Within, p)),
            AgeCriterion a => new AgeEvaluator(a.Comparison, Number(a.Years, a)),
            SexCriterion s => new SexEvaluator(s.Gender),
            DraftOrderCriterion d => new DraftOrderEvaluator(ValueSet(d.ValueSet, d), Title(d.ValueSet), d.Stopping),
            TimeSinceCriterion t => new TimeSinceEvaluator(
                t.EventType, ValueSet(t.ValueSet, t), Title(t.ValueSet), t.Edge, t.Comparison, Duration(t.Span, t)!.Value),
            ConcurrentMechanismsCriterion c => new ConcurrentMechanismsEvaluator(ValueSet(c.ValueSet, c), (int)Number(c.AtLeast, c), c.IncludeDraftOrders),
            LinesOfTherapyCriterion l => new LinesOfTherapyEvaluator(ValueSet(l.ValueSet, l), Title(l.ValueSet), l.Comparison, Number(l.Count, l), l.EndedOnly),
            IntervalCriterion i => new IntervalEvaluator(Event(i.From, i), Event(i.To, i), i.Comparison, Duration(i.Span, i)!.Value),
            GenomicResultCriterion g => new GenomicResultEvaluator(
                g.ValueSet is null ? null : ValueSet(g.ValueSet, g),
                g.VariantAssessment is null ? null : ValueSet(g.VariantAssessment, g),
                g.Gene is null ? null : ValueSet(g.Gene, g),
                Title(g.Gene ?? g.ValueSet!),
                Duration(g.Within, g),
                g.CodedValueSet is null ? null : ValueSet(g.CodedValueSet, g),
                g.ExistsOnly),
            AssumptionCriterion a => new AssumptionEvaluator(a.Name, AssumptionValues.Boolean(Assumption(a.Name, AssumptionType.Boolean, a))),
            CombinedTherapyCriterion c => new CombinedTherapyEvaluator(
                ValueSet(c.ValueSet, c), Title(c.ValueSet), c.With.Select(w => ValueSet(w, c)).ToList(), c.With.Select(Title).ToList(),
                Duration(c.AtLeast, c)!.Value, Bool(c.Continuous, c), Duration(c.MaxGap, c), c.State,
                c.Outcomes?.Select(code => TherapyOutcomes.TryParse(code, out var o) ? o : TherapyOutcome.Unknown).ToHashSet()),
            TiterCriterion t => new TiterEvaluator(ValueSet(t.ValueSet, t), Title(t.ValueSet), Duration(t.Within, t), t.Comparison, Number(t.Value, t)),
            AbnormalResultCriterion r => new AbnormalResultEvaluator(ValueSet(r.ValueSet, r), Title(r.ValueSet), Duration(r.Within, r), r.High),
            ComponentCountCriterion k => new ComponentCountEvaluator(
                ValueSet(k.ValueSet, k), Title(k.ValueSet), Duration(k.Within, k), ValueSet(k.CodedValueSet, k), Title(k.CodedValueSet), k.Comparison, Number(k.Count, k)),
            _ => throw Error(criterion, $"the engine has no evaluator for {criterion.GetType().Name}"),
        };

        private DefinitionEvaluator Reference(RefCriterion reference, HashSet<string> path)
        {
            if (!definitions.TryGetValue(reference.Name, out var target))
            {
                throw Error(reference, $"'ref: {reference.Name}' names no definition; known: {string.Join(", ", definitions.Keys)}");
            }

            if (!path.Add(reference.Name))
            {
                throw Error(reference, $"definitions refer to each other in a cycle through '{reference.Name}'");
            }

            // Walk the definition once more to collect its assumptions and detect cycles; the linked evaluator is shared.
            Compile(pack.Definitions[reference.Name], path);
            path.Remove(reference.Name);
            return target;
        }

        private EventSpec Event(EventSelector selector, Criterion at) => new(
            selector.EventType,
            ValueSet(selector.ValueSet, at),
            Title(selector.ValueSet),
            selector.Edge,
            selector.Line,
            selector.CodedValueSet is null ? null : ValueSet(selector.CodedValueSet, at));

        private int ValueSet(string idOrUrl, Criterion at) =>
            compiler._terminology.TryGet(idOrUrl, out var valueSet)
                ? valueSet.Index
                : throw Error(at, $"value set '{idOrUrl}' is not in the conformance directory (fhir-profiles/); add ValueSet-{idOrUrl}.json or fix the name");

        private string Title(string idOrUrl) =>
            compiler._terminology.TryGet(idOrUrl, out var valueSet) ? valueSet.Title : idOrUrl;

        private decimal Number(Parameter<decimal> parameter, Criterion at) =>
            parameter.AssumptionName is { } name ? AssumptionValues.Number(Assumption(name, AssumptionType.Number, at)) : parameter.Literal;

        private bool Bool(Parameter<bool> parameter, Criterion at) =>
            parameter.AssumptionName is { } name ? AssumptionValues.Boolean(Assumption(name, AssumptionType.Boolean, at)) : parameter.Literal;

        private ClinicalDuration? Duration(Parameter<ClinicalDuration>? parameter, Criterion at) =>
            parameter is null ? null
            : parameter.AssumptionName is { } name ? AssumptionValues.Duration(Assumption(name, AssumptionType.Duration, at))
            : parameter.Literal;

        private string Assumption(string name, AssumptionType type, Criterion at)
        {
            if (!assumptions.TryGetValue(name, out var value))
            {
                throw Error(at, $"'${name}' names no assumption of this pack; declare it under 'assumptions'");
            }

            if (value.Type != type)
            {
                throw Error(at, $"'${name}' is a {value.Type.ToString().ToLowerInvariant()}, but a {type.ToString().ToLowerInvariant()} is needed here");
            }

            UsedAssumptions.Add(name);
            return value.Value;
        }

        private PackLoadException Error(Criterion at, string problem) => new(pack.File, Line(at.Origin), ruleId, problem);
    }

    private readonly TerminologyCatalog _terminology = terminology;
}
