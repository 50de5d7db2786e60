using System.Text;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;
using CdsHooks.Protocol.Cards;

namespace CdsHooks.Clinical.Cards;

/// <summary>The parts of a rule's card that do not depend on the patient, built once per rule.</summary>
internal sealed record RuleCardParts
{
    public required string Banners { get; init; }

    public required string EvidenceAndAssumptions { get; init; }

    public required CardSource Source { get; init; }

    public IReadOnlyList<CdsCoding>? OverrideReasons { get; init; }

    public IReadOnlyList<CardLink>? Links { get; init; }

    public required IReadOnlyList<AssessmentEvidence> Evidence { get; init; }

    public IReadOnlyList<AssessmentAssumption>? Assumptions { get; init; }

    public required IReadOnlyDictionary<ActionTemplate, CodeableConcept> Codes { get; init; }

    public static RuleCardParts Build(KnowledgePack pack, CompiledRule compiled, TerminologyCatalog terminology)
    {
        var rule = compiled.Rule;
        var primary = rule.Evidence.Select(e => pack.Sources[e.Source]).FirstOrDefault(s => !s.IsGeneralKnowledge)
            ?? pack.Sources[rule.Evidence[0].Source];
        var overrideConcepts = terminology.ConceptsOf(KnownSystems.OverrideReason);
        return new RuleCardParts
        {
            Banners = string.Concat(BannerLines(rule, pack).Select(b => $"**{b}**\n\n")),
            EvidenceAndAssumptions = EvidenceText(pack, compiled),
            Source = new CardSource
            {
                Label = primary.Label,
                Url = primary.Url,
                Topic = new CdsCoding { System = KnownSystems.CardKind, Code = rule.Kind.Code(), Display = rule.Kind.Display() },
            },
            OverrideReasons = rule.Card.OverrideReasons && overrideConcepts.Count > 0
                ? overrideConcepts.Select(c => new CdsCoding { System = KnownSystems.OverrideReason, Code = c.Code, Display = c.Display }).ToList()
                : null,
            Links = rule.Card.Links.Count > 0
                ? rule.Card.Links.Select(l => new CardLink
                {
                    Label = l.Label,
                    Url = l.Url,
                    Type = l.Type == "smart" ? CardLinkType.Smart : CardLinkType.Absolute,
                    AppContext = l.AppContext,
                }).ToList()
                : null,
            Evidence = rule.Evidence.Select(e => new AssessmentEvidence(pack.Sources[e.Source].Label, e.Section, e.Reference, e.Grade, e.Level)).ToList(),
            Assumptions = compiled.Assumptions.Count > 0
                ? compiled.Assumptions.Select(a => new AssessmentAssumption(a.Name, CardComposer.Typed(a.Type, a.Value), CardComposer.Typed(a.Type, a.Default))).ToList()
                : null,
            Codes = rule.Card.Suggestions.SelectMany(s => s.Actions).Where(a => a.ValueSet is not null).Distinct()
                .ToDictionary(a => a, a => CodeFrom(a, terminology)),
        };
    }

    private static IEnumerable<string> BannerLines(RuleDefinition rule, KnowledgePack pack)
    {
        if (rule.Labels.Contains("investigational"))
        {
            yield return "Investigational: clinical-trial referral only, not standard care.";
        }

        if (rule.Labels.Contains("off-label"))
        {
            yield return "Off-label use: requires multidisciplinary-team approval and informed consent.";
        }

        // An ineligible product is outside its approved indication; the source need not have advised against it.
        if (rule.Labels.Contains("ineligible"))
        {
            yield return "Outside the approved indication: not suggested.";
        }
        else if (rule.Kind == CardKind.NotRecommended)
        {
            yield return "Not recommended by the source.";
        }

        if (rule.Evidence.All(e => pack.Sources[e.Source].IsGeneralKnowledge))
        {
            yield return "General clinical knowledge, not from the source paper.";
        }
    }

    private static string EvidenceText(KnowledgePack pack, CompiledRule compiled)
    {
        var text = new StringBuilder();
        text.AppendLine("**Evidence:**");
        foreach (var evidence in compiled.Rule.Evidence)
        {
            var source = pack.Sources[evidence.Source];
            text.Append("- ").Append(source.Label);
            AppendIf(text, ", ", evidence.Section);
            AppendIf(text, ", ref. ", evidence.Reference);
            AppendIf(text, "; grade: ", evidence.Grade);
            AppendIf(text, "; level: ", evidence.Level);
            text.AppendLine();
            foreach (string figure in evidence.Figures)
            {
                text.Append("  - \"").Append(figure).AppendLine("\"");
            }

            if (evidence.Note is not null)
            {
                text.Append("  - Note: ").AppendLine(evidence.Note);
            }
        }

        if (compiled.Assumptions.Count > 0)
        {
            text.AppendLine().AppendLine("**Local policy (assumptions a site can change; not from the paper):**");
            foreach (var assumption in compiled.Assumptions)
            {
                text.Append("- ").Append(assumption.Name).Append(" = ").Append(assumption.Value);
                if (assumption.Value != assumption.Default)
                {
                    text.Append(" (pack default ").Append(assumption.Default).Append(')');
                }

                text.Append(": ").AppendLine(assumption.Description);
            }
        }

        return text.ToString();
    }

    private static void AppendIf(StringBuilder text, string prefix, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(prefix).Append(value);
        }
    }

    // The first concept of each system in the value set codes the new resource; packs never carry raw codes.
    private static CodeableConcept CodeFrom(ActionTemplate template, TerminologyCatalog terminology)
    {
        terminology.TryGet(template.ValueSet!, out var valueSet);
        var codings = valueSet!.Concepts
            .GroupBy(c => c.Key.System)
            .Select(g => g.First())
            .Select(c => new Coding { System = c.Key.System, Code = c.Key.Code, Display = c.Display })
            .ToList();
        return new CodeableConcept { Coding = codings, Text = template.Text ?? valueSet.Title };
    }
}
