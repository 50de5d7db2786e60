using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Protocol.Cards;

namespace CdsHooks.Clinical.Cards;

/// <summary>
/// Turns a rule outcome into a CDS Hooks card: rendered text, the evidence and assumptions behind it, suggestions
/// built as FHIR resources from value sets, and the machine-readable assessment record. The one mapper from
/// engine results to the wire shape.
/// </summary>
public sealed class CardComposer(TerminologyCatalog terminology)
{
    /// <summary>Composes the card for an outcome, or null when the rule has nothing to say.</summary>
    /// <param name="outcome">The rule outcome.</param>
    /// <param name="hookInstance">The hook instance, which seeds stable card and suggestion uuids.</param>
    /// <param name="patientId">The patient, for the subject of suggested resources.</param>
    /// <param name="showNotRefractory">Whether the site wants "not refractory" cards.</param>
    public Card? Compose(RuleOutcome outcome, string hookInstance, string patientId, bool showNotRefractory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var rule = outcome.Rule.Rule;
        var value = outcome.Result.Value;
        string? status = null;
        string indicator = rule.Card.Indicator;
        string summary = rule.Card.Summary;
        string? detail = rule.Card.Detail;
        bool withSuggestions = true;
        if (rule.Kind == CardKind.RefractoryStatus)
        {
            status = AssessmentStatus.Of(value);
            var variant = value switch
            {
                Tri.Unknown => rule.Card.InsufficientData,
                Tri.False => showNotRefractory ? rule.Card.NotRefractory : null,
                _ => null,
            };
            if (value == Tri.False && variant is null)
            {
                return null;
            }

            if (variant is not null)
            {
                (indicator, summary, detail) = (variant.Indicator, variant.Summary, variant.Detail);
                withSuggestions = false;
            }
        }
        else if (value == Tri.False || (value == Tri.Unknown && !rule.ShowWhenUnknown))
        {
            return null;
        }

        var values = Placeholders(outcome);
        string uuid = StableUuid(hookInstance, rule.Id);
        var suggestions = withSuggestions ? Suggestions(outcome, hookInstance, patientId) : [];
        var primary = PrimarySource(outcome.Pack.Pack, rule);
        return new Card
        {
            Uuid = uuid,
            Summary = CardText.FitSummary(CardText.Render(summary, values)),
            Detail = Detail(outcome, detail is null ? null : CardText.Render(detail, values)),
            Indicator = indicator switch
            {
                "critical" => CardIndicator.Critical,
                "warning" => CardIndicator.Warning,
                _ => CardIndicator.Info,
            },
            Source = new CardSource
            {
                Label = primary.Label,
                Url = primary.Url,
                Topic = new CdsCoding { System = KnownSystems.CardKind, Code = rule.Kind.Code(), Display = rule.Kind.Display() },
            },
            Suggestions = suggestions.Count > 0 ? suggestions : null,
            SelectionBehavior = suggestions.Count > 0
                ? rule.Card.SelectionBehavior == "any" ? SelectionBehavior.Any : SelectionBehavior.AtMostOne
                : null,
            OverrideReasons = rule.Card.OverrideReasons ? OverrideReasons() : null,
            Links = rule.Card.Links.Count > 0
                ? rule.Card.Links.Select(l => new CardLink
                {
                    Label = l.Label,
                    Url = l.Url,
                    Type = l.Type == "smart" ? CardLinkType.Smart : CardLinkType.Absolute,
                    AppContext = l.AppContext,
                }).ToList()
                : null,
            Extension = new Dictionary<string, JsonElement>
            {
                [AssessmentRecord.ExtensionKey] = Assessment(outcome, status).ToJsonElement(),
            },
        };
    }

    private static Dictionary<string, string> Placeholders(RuleOutcome outcome)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["failed-mechanisms"] = outcome.FailedMechanisms.Count > 0 ? string.Join(", ", outcome.FailedMechanisms) : "none recorded",
            ["failed-count"] = outcome.FailedMechanisms.Count.ToString(CultureInfo.InvariantCulture),
            ["draft-order"] = outcome.MatchedDraftOrder?.Label ?? "the order",
            ["agents"] = string.Join(" + ", outcome.Rule.Rule.Agents),
        };
        foreach (var assumption in outcome.Rule.Assumptions)
        {
            values["param:" + assumption.Name] = assumption.Type == AssumptionType.Duration && ClinicalDuration.TryParse(assumption.Value, out var span)
                ? span.ToString()
                : assumption.Value;
        }

        return values;
    }

    private static string Detail(RuleOutcome outcome, string? body)
    {
        var rule = outcome.Rule.Rule;
        var pack = outcome.Pack.Pack;
        var text = new StringBuilder();
        foreach (string banner in Banners(rule, pack))
        {
            text.Append("**").Append(banner).AppendLine("**").AppendLine();
        }

        if (body is not null)
        {
            text.AppendLine(body.TrimEnd()).AppendLine();
        }

        var facts = outcome.Result.Facts.Select(f => f.Role).Distinct().ToList();
        if (facts.Count > 0)
        {
            text.AppendLine("**Why:**");
            foreach (string fact in facts)
            {
                text.Append("- ").AppendLine(fact);
            }

            text.AppendLine();
        }

        if (outcome.Result.Value == Tri.Unknown && outcome.Result.Missing.Count > 0)
        {
            text.AppendLine("**Missing data (record these to complete the assessment):**");
            foreach (string missing in outcome.Result.Missing)
            {
                text.Append("- ").AppendLine(missing);
            }

            text.AppendLine();
        }

        text.AppendLine("**Evidence:**");
        foreach (var evidence in rule.Evidence)
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

        if (outcome.Rule.Assumptions.Count > 0)
        {
            text.AppendLine().AppendLine("**Local policy (assumptions a site can change; not from the paper):**");
            foreach (var assumption in outcome.Rule.Assumptions)
            {
                text.Append("- ").Append(assumption.Name).Append(" = ").Append(assumption.Value);
                if (assumption.Value != assumption.Default)
                {
                    text.Append(" (pack default ").Append(assumption.Default).Append(')');
                }

                text.Append(": ").AppendLine(assumption.Description);
            }
        }

        return text.ToString().TrimEnd();
    }

    private static IEnumerable<string> Banners(RuleDefinition rule, KnowledgePack pack)
    {
        if (rule.Labels.Contains("investigational"))
        {
            yield return "Investigational: clinical-trial referral only, not standard care.";
        }

        if (rule.Labels.Contains("off-label"))
        {
            yield return "Off-label use: requires multidisciplinary-team approval and informed consent.";
        }

        if (rule.Kind == CardKind.NotRecommended)
        {
            yield return "Not recommended by the source.";
        }

        if (rule.Evidence.All(e => pack.Sources[e.Source].IsGeneralKnowledge))
        {
            yield return "General clinical knowledge, not from the source paper.";
        }
    }

    private static void AppendIf(StringBuilder text, string prefix, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(prefix).Append(value);
        }
    }

    private static SourceDocument PrimarySource(KnowledgePack pack, RuleDefinition rule) =>
        rule.Evidence.Select(e => pack.Sources[e.Source]).FirstOrDefault(s => !s.IsGeneralKnowledge)
        ?? pack.Sources[rule.Evidence[0].Source];

    private List<Suggestion> Suggestions(RuleOutcome outcome, string hookInstance, string patientId)
    {
        var rule = outcome.Rule.Rule;
        var suggestions = new List<Suggestion>();
        for (int i = 0; i < rule.Card.Suggestions.Count; i++)
        {
            var template = rule.Card.Suggestions[i];
            var actions = template.Actions.Select(a => Action(a, outcome, patientId)).OfType<CdsAction>().ToList();
            if (actions.Count == 0)
            {
                continue; // e.g. "remove the draft order" when the draft has no id to delete
            }

            suggestions.Add(new Suggestion
            {
                Label = template.Label,
                Uuid = StableUuid(hookInstance, $"{rule.Id}#suggestion-{i}"),
                IsRecommended = template.IsRecommended ? true : null,
                Actions = actions,
            });
        }

        return suggestions;
    }

    private CdsAction? Action(ActionTemplate template, RuleOutcome outcome, string patientId)
    {
        switch (template.Kind)
        {
            case ActionKind.DeleteTriggeringOrder:
                return outcome.MatchedDraftOrder is { Resource.Id: { Length: > 0 } } order
                    ? new CdsAction { Type = CdsActionType.Delete, Description = template.Description, ResourceId = order.Reference }
                    : null;
            case ActionKind.CreateServiceRequest:
                var serviceRequest = new ServiceRequest
                {
                    Status = "draft",
                    Intent = "order",
                    Subject = new Reference { ReferenceValue = "Patient/" + patientId },
                    Code = CodeFrom(template),
                };
                return new CdsAction { Type = CdsActionType.Create, Description = template.Description, Resource = FhirJson.SerializeToElement(serviceRequest) };
            default:
                var medicationRequest = new MedicationRequest
                {
                    Status = "draft",
                    Intent = "proposal",
                    Subject = new Reference { ReferenceValue = "Patient/" + patientId },
                    MedicationCodeableConcept = CodeFrom(template),
                };
                return new CdsAction { Type = CdsActionType.Create, Description = template.Description, Resource = FhirJson.SerializeToElement(medicationRequest) };
        }
    }

    private CodeableConcept CodeFrom(ActionTemplate template)
    {
        // The first concept of each system in the value set codes the new resource; packs never carry raw codes.
        terminology.TryGet(template.ValueSet!, out var valueSet);
        var codings = valueSet!.Concepts
            .GroupBy(c => c.Key.System)
            .Select(g => g.First())
            .Select(c => new Coding { System = c.Key.System, Code = c.Key.Code, Display = c.Display })
            .ToList();
        return new CodeableConcept { Coding = codings, Text = template.Text ?? valueSet.Title };
    }

    private List<CdsCoding>? OverrideReasons()
    {
        var concepts = terminology.ConceptsOf(KnownSystems.OverrideReason);
        return concepts.Count == 0
            ? null
            : concepts.Select(c => new CdsCoding { System = KnownSystems.OverrideReason, Code = c.Code, Display = c.Display }).ToList();
    }

    private static AssessmentRecord Assessment(RuleOutcome outcome, string? status)
    {
        var rule = outcome.Rule.Rule;
        var pack = outcome.Pack.Pack;
        var facts = outcome.Result.Facts.DistinctBy(f => (f.Reference, f.Role)).Select(f => new AssessmentFact(f.Reference, f.Role)).ToList();
        var missing = outcome.Result.Value == Tri.Unknown ? outcome.Result.Missing : [];
        return new AssessmentRecord
        {
            Pack = pack.Id,
            Rule = rule.Id,
            Kind = rule.Kind.Code(),
            Status = status,
            Agents = rule.Agents.Count > 0 ? rule.Agents : null,
            Evidence = rule.Evidence.Select(e => new AssessmentEvidence(pack.Sources[e.Source].Label, e.Section, e.Reference, e.Grade, e.Level)).ToList(),
            Assumptions = outcome.Rule.Assumptions.Count > 0
                ? outcome.Rule.Assumptions.Select(a => new AssessmentAssumption(a.Name, Typed(a.Type, a.Value), Typed(a.Type, a.Default))).ToList()
                : null,
            Facts = facts.Count > 0 ? facts : null,
            Missing = missing.Count > 0 ? missing : null,
        };
    }

    private static JsonElement Typed(AssumptionType type, string value) => type switch
    {
        AssumptionType.Number => JsonSerializer.SerializeToElement(decimal.Parse(value, CultureInfo.InvariantCulture), AssessmentValueContext.Default.Decimal),
        AssumptionType.Boolean => JsonSerializer.SerializeToElement(value == "true", AssessmentValueContext.Default.Boolean),
        _ => JsonSerializer.SerializeToElement(value, AssessmentValueContext.Default.String),
    };

    /// <summary>A name-based UUID (SHA-256, version bits set) so that one hook call always yields the same card ids.</summary>
    internal static string StableUuid(string hookInstance, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(hookInstance + "\n" + name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}

/// <summary>Source-generated JSON for assumption values.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(decimal))]
[System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class AssessmentValueContext : System.Text.Json.Serialization.JsonSerializerContext;
