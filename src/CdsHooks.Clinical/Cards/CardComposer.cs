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
    private const int MaxFactsInDetail = 12;

    // Text and records that depend only on the rule are built once per rule, not per card.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<CompiledRule, RuleCardParts> _parts = new(ReferenceEqualityComparer.Instance);

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
        var parts = _parts.GetOrAdd(outcome.Rule, r => RuleCardParts.Build(outcome.Pack.Pack, r, terminology));
        var suggestions = withSuggestions ? Suggestions(outcome, parts, hookInstance, patientId) : [];
        return new Card
        {
            Uuid = uuid,
            Summary = CardText.FitSummary(CardText.Render(summary, values)),
            Detail = Detail(outcome, parts, detail is null ? null : CardText.Render(detail, values)),
            Indicator = indicator switch
            {
                "critical" => CardIndicator.Critical,
                "warning" => CardIndicator.Warning,
                _ => CardIndicator.Info,
            },
            Source = parts.Source,
            Suggestions = suggestions.Count > 0 ? suggestions : null,
            SelectionBehavior = suggestions.Count > 0
                ? rule.Card.SelectionBehavior == "any" ? SelectionBehavior.Any : SelectionBehavior.AtMostOne
                : null,
            OverrideReasons = parts.OverrideReasons,
            Links = parts.Links,
            Extension = new Dictionary<string, JsonElement>
            {
                [AssessmentRecord.ExtensionKey] = Assessment(outcome, parts, status).ToJsonElement(),
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

    private static string Detail(RuleOutcome outcome, RuleCardParts parts, string? body)
    {
        var text = new StringBuilder(parts.Banners);
        if (body is not null)
        {
            text.AppendLine(body.TrimEnd()).AppendLine();
        }

        var facts = outcome.Result.Facts;
        if (facts.Count > 0)
        {
            text.AppendLine("**Why:**");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fact in facts)
            {
                if (seen.Add(fact.Role) && seen.Count <= MaxFactsInDetail)
                {
                    text.Append("- ").AppendLine(fact.Role);
                }
            }

            if (seen.Count > MaxFactsInDetail)
            {
                text.Append("- … and ").Append(seen.Count - MaxFactsInDetail).AppendLine(" more (see the assessment record)");
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

        text.Append(parts.EvidenceAndAssumptions);
        return text.ToString().TrimEnd();
    }

    private static List<Suggestion> Suggestions(RuleOutcome outcome, RuleCardParts parts, string hookInstance, string patientId)
    {
        var rule = outcome.Rule.Rule;
        var suggestions = new List<Suggestion>();
        for (int i = 0; i < rule.Card.Suggestions.Count; i++)
        {
            var template = rule.Card.Suggestions[i];
            var actions = template.Actions.Select(a => Action(a, parts, outcome, patientId)).OfType<CdsAction>().ToList();
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

    private static CdsAction? Action(ActionTemplate template, RuleCardParts parts, RuleOutcome outcome, string patientId)
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
                    Code = parts.Codes[template],
                };
                return new CdsAction { Type = CdsActionType.Create, Description = template.Description, Resource = FhirJson.SerializeToElement(serviceRequest) };
            default:
                var medicationRequest = new MedicationRequest
                {
                    Status = "draft",
                    Intent = "proposal",
                    Subject = new Reference { ReferenceValue = "Patient/" + patientId },
                    MedicationCodeableConcept = parts.Codes[template],
                };
                return new CdsAction { Type = CdsActionType.Create, Description = template.Description, Resource = FhirJson.SerializeToElement(medicationRequest) };
        }
    }

    private static AssessmentRecord Assessment(RuleOutcome outcome, RuleCardParts parts, string? status)
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
            Evidence = parts.Evidence,
            Assumptions = parts.Assumptions,
            Facts = facts.Count > 0 ? facts : null,
            Missing = missing.Count > 0 ? missing : null,
        };
    }

    internal static JsonElement Typed(AssumptionType type, string value) => type switch
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
