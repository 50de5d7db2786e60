using System.Globalization;
using System.Text.Json;
using CdsHooks.Protocol.Cards;
using CdsHooks.Protocol.Json;
using CdsHooks.Protocol.Responses;

namespace CdsHooks.Protocol.Validation;

/// <summary>
/// Checks a response against the CDS Hooks rules before it is sent: the logical-model invariants (cds-resp-1..6),
/// the &lt;140-character summary, the value sets, absolute URLs, the "no null or empty element" rule and unique uuids.
/// A card that breaks a rule is dropped rather than sent; see <see cref="SelfCheckResult"/>.
/// </summary>
public static class ResponseSelfCheck
{
    /// <summary>The summary must have fewer than this many characters.</summary>
    public const int MaxSummaryLength = 140;

    /// <summary>Checks every card and system action of a response.</summary>
    /// <param name="response">The response as produced.</param>
    /// <returns>The valid and the dropped cards and system actions.</returns>
    public static SelfCheckResult Check(CdsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var valid = new List<Card>(response.Cards.Count);
        var dropped = new List<DroppedCard>();
        var seenUuids = new HashSet<string>(StringComparer.Ordinal);

        for (int i = 0; i < response.Cards.Count; i++)
        {
            Card card = response.Cards[i];
            string path = JsonPath.Index("cards", i);
            var violations = new List<SelfCheckViolation>();
            if (card is null)
            {
                violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "A card must not be null."));
            }
            else
            {
                CheckCard(card, path, violations);
                CheckUuids(card, path, seenUuids, violations);
            }

            if (violations.Count == 0)
            {
                valid.Add(card!);
                AddUuids(card!, seenUuids);
            }
            else
            {
                dropped.Add(new DroppedCard { Index = i, Card = card!, Violations = violations });
            }
        }

        var validActions = new List<CdsAction>();
        var actionViolations = new List<SelfCheckViolation>();
        if (response.SystemActions is { } systemActions)
        {
            if (systemActions.Count == 0)
            {
                actionViolations.Add(Violation(SelfCheckRules.NoNullOrEmpty, "systemActions", "An empty 'systemActions' must be omitted."));
            }

            for (int i = 0; i < systemActions.Count; i++)
            {
                var violations = new List<SelfCheckViolation>();
                CheckAction(systemActions[i], JsonPath.Index("systemActions", i), inSuggestion: false, violations);
                if (violations.Count == 0)
                {
                    validActions.Add(systemActions[i]);
                }
                else
                {
                    actionViolations.AddRange(violations);
                }
            }
        }

        return new SelfCheckResult
        {
            ValidCards = valid,
            DroppedCards = dropped,
            ValidSystemActions = validActions,
            SystemActionViolations = actionViolations,
        };
    }

    /// <summary>Checks one card on its own (uuid uniqueness needs the whole response; see <see cref="Check"/>).</summary>
    /// <param name="card">The card.</param>
    /// <returns>The violations; empty when the card is valid. Paths start at <c>card</c>.</returns>
    public static IReadOnlyList<SelfCheckViolation> CheckCard(Card card) => CheckCard(card, "card");

    /// <summary>Checks one card on its own, reporting paths under <paramref name="path"/>.</summary>
    /// <param name="card">The card.</param>
    /// <param name="path">The card's path, e.g. <c>cards[2]</c>.</param>
    /// <returns>The violations; empty when the card is valid.</returns>
    public static IReadOnlyList<SelfCheckViolation> CheckCard(Card card, string path)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(path);
        var violations = new List<SelfCheckViolation>();
        CheckCard(card, path, violations);
        var uuids = new HashSet<string>(StringComparer.Ordinal);
        CheckUuids(card, path, uuids, violations);
        return violations;
    }

    /// <summary>
    /// Checks serialized JSON (a response or discovery body) for the "no null or empty element" rule: no <c>null</c>,
    /// <c>""</c>, <c>[]</c> or <c>{}</c> anywhere, except the top-level <c>cards</c> and <c>services</c> arrays.
    /// </summary>
    /// <param name="json">The root element of the body.</param>
    /// <returns>The violations; empty when the JSON is clean.</returns>
    public static IReadOnlyList<SelfCheckViolation> CheckJson(JsonElement json)
    {
        var violations = new List<SelfCheckViolation>();
        CheckJsonNode(json, JsonPath.Root, isRoot: true, violations);
        return violations;
    }

    private static void CheckJsonNode(JsonElement node, string path, bool isRoot, List<SelfCheckViolation> violations)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Null:
                violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "Elements must not be null; omit an optional element instead."));
                break;
            case JsonValueKind.String when node.GetString()!.Length == 0:
                violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "Strings must not be empty; omit an optional element instead."));
                break;
            case JsonValueKind.Array:
                if (node.GetArrayLength() == 0)
                {
                    violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "Arrays must not be empty; omit an optional element instead."));
                }

                int index = 0;
                foreach (JsonElement item in node.EnumerateArray())
                {
                    CheckJsonNode(item, JsonPath.Index(path, index++), isRoot: false, violations);
                }

                break;
            case JsonValueKind.Object:
                bool any = false;
                foreach (JsonProperty property in node.EnumerateObject())
                {
                    any = true;
                    bool allowedEmpty = isRoot && property.Name is "cards" or "services"
                        && property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0;
                    if (!allowedEmpty)
                    {
                        CheckJsonNode(property.Value, JsonPath.Property(path, property.Name), isRoot: false, violations);
                    }
                }

                if (!any)
                {
                    violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "Objects must not be empty; omit an optional element instead."));
                }

                break;
        }
    }

    private static void CheckCard(Card card, string path, List<SelfCheckViolation> violations)
    {
        CheckOptionalText(card.Uuid, JsonPath.Property(path, "uuid"), violations);
        CheckOptionalText(card.Detail, JsonPath.Property(path, "detail"), violations);

        string summaryPath = JsonPath.Property(path, "summary");
        if (string.IsNullOrWhiteSpace(card.Summary))
        {
            violations.Add(Violation(SelfCheckRules.SummaryRequired, summaryPath, "'summary' is required and must not be blank."));
        }
        else
        {
            int length = CountCharacters(card.Summary);
            if (length >= MaxSummaryLength)
            {
                violations.Add(Violation(
                    SelfCheckRules.SummaryLength,
                    summaryPath,
                    string.Create(CultureInfo.InvariantCulture, $"'summary' has {length} characters; it must have fewer than {MaxSummaryLength}.")));
            }
        }

        if (!Enum.IsDefined(card.Indicator))
        {
            violations.Add(Violation(SelfCheckRules.Indicator, JsonPath.Property(path, "indicator"), "'indicator' must be info, warning or critical."));
        }

        CheckSource(card.Source, JsonPath.Property(path, "source"), violations);
        CheckSuggestions(card, path, violations);

        if (card.OverrideReasons is { } reasons)
        {
            string reasonsPath = JsonPath.Property(path, "overrideReasons");
            CheckNotEmpty(reasons.Count, reasonsPath, violations);
            for (int i = 0; i < reasons.Count; i++)
            {
                string reasonPath = JsonPath.Index(reasonsPath, i);
                CheckCoding(reasons[i], reasonPath, violations);
                if (reasons[i] is not null && string.IsNullOrWhiteSpace(reasons[i].Display))
                {
                    violations.Add(Violation(SelfCheckRules.OverrideReasonDisplay, JsonPath.Property(reasonPath, "display"), "Every override reason must have a 'display'."));
                }
            }
        }

        if (card.Links is { } links)
        {
            string linksPath = JsonPath.Property(path, "links");
            CheckNotEmpty(links.Count, linksPath, violations);
            for (int i = 0; i < links.Count; i++)
            {
                CheckLink(links[i], JsonPath.Index(linksPath, i), violations);
            }
        }

        if (card.Extension is { } extension)
        {
            string extensionPath = JsonPath.Property(path, "extension");
            CheckNotEmpty(extension.Count, extensionPath, violations);
            foreach ((string key, JsonElement value) in extension)
            {
                string valuePath = JsonPath.Property(extensionPath, key);
                if (key.Length == 0)
                {
                    violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, extensionPath, "Extension keys must not be empty."));
                }

                CheckElement(value, valuePath, violations);
            }
        }
    }

    private static void CheckSource(CardSource? source, string path, List<SelfCheckViolation> violations)
    {
        if (source is null)
        {
            violations.Add(Violation(SelfCheckRules.SourceLabel, path, "'source' is required."));
            return;
        }

        if (string.IsNullOrWhiteSpace(source.Label))
        {
            violations.Add(Violation(SelfCheckRules.SourceLabel, JsonPath.Property(path, "label"), "'source.label' is required and must not be blank."));
        }

        if (source.Url is { } url && !IsAbsoluteHttpUrl(url))
        {
            violations.Add(Violation(SelfCheckRules.SourceUrl, JsonPath.Property(path, "url"), "'source.url' must be an absolute http(s) URL."));
        }

        if (source.Icon is { } icon && !IsAbsoluteHttpUrl(icon))
        {
            violations.Add(Violation(SelfCheckRules.SourceUrl, JsonPath.Property(path, "icon"), "'source.icon' must be an absolute http(s) URL."));
        }

        if (source.Topic is { } topic)
        {
            string topicPath = JsonPath.Property(path, "topic");
            CheckCoding(topic, topicPath, violations);
            CheckOptionalText(topic.Display, JsonPath.Property(topicPath, "display"), violations);
        }
    }

    private static void CheckSuggestions(Card card, string path, List<SelfCheckViolation> violations)
    {
        if (card.SelectionBehavior is { } behavior && !Enum.IsDefined(behavior))
        {
            violations.Add(Violation(SelfCheckRules.EnumValue, JsonPath.Property(path, "selectionBehavior"), "'selectionBehavior' must be at-most-one or any."));
        }

        if (card.Suggestions is not { } suggestions)
        {
            return;
        }

        string suggestionsPath = JsonPath.Property(path, "suggestions");
        CheckNotEmpty(suggestions.Count, suggestionsPath, violations);
        if (card.SelectionBehavior is null)
        {
            violations.Add(Violation(SelfCheckRules.SelectionBehaviorRequired, JsonPath.Property(path, "selectionBehavior"), "'selectionBehavior' is required when the card has suggestions."));
        }

        int recommended = 0;
        for (int i = 0; i < suggestions.Count; i++)
        {
            string suggestionPath = JsonPath.Index(suggestionsPath, i);
            Suggestion suggestion = suggestions[i];
            if (suggestion is null)
            {
                violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, suggestionPath, "A suggestion must not be null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(suggestion.Label))
            {
                violations.Add(Violation(SelfCheckRules.SuggestionLabel, JsonPath.Property(suggestionPath, "label"), "Every suggestion must have a non-blank 'label'."));
            }

            CheckOptionalText(suggestion.Uuid, JsonPath.Property(suggestionPath, "uuid"), violations);
            if (suggestion.IsRecommended == true)
            {
                recommended++;
            }

            if (suggestion.Actions is { } actions)
            {
                string actionsPath = JsonPath.Property(suggestionPath, "actions");
                CheckNotEmpty(actions.Count, actionsPath, violations);
                for (int j = 0; j < actions.Count; j++)
                {
                    CheckAction(actions[j], JsonPath.Index(actionsPath, j), inSuggestion: true, violations);
                }
            }
        }

        if (card.SelectionBehavior == SelectionBehavior.AtMostOne && recommended > 1)
        {
            violations.Add(Violation(SelfCheckRules.AtMostOneRecommended, suggestionsPath, "At most one suggestion may be recommended when 'selectionBehavior' is at-most-one."));
        }
    }

    private static void CheckAction(CdsAction? action, string path, bool inSuggestion, List<SelfCheckViolation> violations)
    {
        if (action is null)
        {
            violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "An action must not be null."));
            return;
        }

        if (!Enum.IsDefined(action.Type))
        {
            violations.Add(Violation(SelfCheckRules.EnumValue, JsonPath.Property(path, "type"), "'type' must be create, update or delete."));
        }

        string descriptionPath = JsonPath.Property(path, "description");
        if (inSuggestion && string.IsNullOrWhiteSpace(action.Description))
        {
            violations.Add(Violation(SelfCheckRules.SuggestionActionDescription, descriptionPath, "Every suggestion action must have a 'description'."));
        }
        else
        {
            CheckOptionalText(action.Description, descriptionPath, violations);
        }

        string resourcePath = JsonPath.Property(path, "resource");
        string resourceIdPath = JsonPath.Property(path, "resourceId");
        if (action.Type == CdsActionType.Delete)
        {
            if (action.Resource is not null)
            {
                violations.Add(Violation(SelfCheckRules.DeleteAction, resourcePath, "A delete action must not carry 'resource'; use 'resourceId'."));
            }

            if (string.IsNullOrWhiteSpace(action.ResourceId))
            {
                violations.Add(Violation(SelfCheckRules.DeleteAction, resourceIdPath, "A delete action must have 'resourceId'."));
            }
        }
        else if (Enum.IsDefined(action.Type))
        {
            if (action.Resource is not { ValueKind: JsonValueKind.Object } resource)
            {
                violations.Add(Violation(SelfCheckRules.ActionResource, resourcePath, "A create or update action must carry the FHIR 'resource' as an object."));
            }
            else
            {
                CheckElement(resource, resourcePath, violations);
            }

            CheckOptionalText(action.ResourceId, resourceIdPath, violations);
        }
    }

    private static void CheckLink(CardLink? link, string path, List<SelfCheckViolation> violations)
    {
        if (link is null)
        {
            violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "A link must not be null."));
            return;
        }

        if (string.IsNullOrWhiteSpace(link.Label))
        {
            violations.Add(Violation(SelfCheckRules.LinkLabel, JsonPath.Property(path, "label"), "Every link must have a non-blank 'label'."));
        }

        if (link.Url is null || !IsAbsoluteHttpUrl(link.Url))
        {
            violations.Add(Violation(SelfCheckRules.LinkUrl, JsonPath.Property(path, "url"), "A link 'url' must be an absolute http(s) URL."));
        }

        if (!Enum.IsDefined(link.Type))
        {
            violations.Add(Violation(SelfCheckRules.EnumValue, JsonPath.Property(path, "type"), "A link 'type' must be absolute or smart."));
        }

        string appContextPath = JsonPath.Property(path, "appContext");
        if (link.AppContext is not null && link.Type != CardLinkType.Smart)
        {
            violations.Add(Violation(SelfCheckRules.AppContextOnSmartLinks, appContextPath, "'appContext' is only valid on smart links."));
        }
        else
        {
            CheckOptionalText(link.AppContext, appContextPath, violations);
        }
    }

    private static void CheckCoding(CdsCoding? coding, string path, List<SelfCheckViolation> violations)
    {
        if (coding is null)
        {
            violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "A Coding must not be null."));
            return;
        }

        if (string.IsNullOrWhiteSpace(coding.Code))
        {
            violations.Add(Violation(SelfCheckRules.CodingRequired, JsonPath.Property(path, "code"), "A Coding must have a 'code'."));
        }

        if (string.IsNullOrWhiteSpace(coding.System))
        {
            violations.Add(Violation(SelfCheckRules.CodingRequired, JsonPath.Property(path, "system"), "A Coding must have a 'system'."));
        }
    }

    private static void CheckUuids(Card card, string path, HashSet<string> seen, List<SelfCheckViolation> violations)
    {
        var local = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(card.Uuid) && (seen.Contains(card.Uuid) || !local.Add(card.Uuid)))
        {
            violations.Add(Violation(SelfCheckRules.UniqueUuid, JsonPath.Property(path, "uuid"), "The card 'uuid' is already used in this response."));
        }

        if (card.Suggestions is null)
        {
            return;
        }

        for (int i = 0; i < card.Suggestions.Count; i++)
        {
            string? uuid = card.Suggestions[i]?.Uuid;
            if (!string.IsNullOrEmpty(uuid) && (seen.Contains(uuid) || !local.Add(uuid)))
            {
                string uuidPath = JsonPath.Property(JsonPath.Index(JsonPath.Property(path, "suggestions"), i), "uuid");
                violations.Add(Violation(SelfCheckRules.UniqueUuid, uuidPath, "The suggestion 'uuid' is already used in this response."));
            }
        }
    }

    private static void AddUuids(Card card, HashSet<string> seen)
    {
        if (!string.IsNullOrEmpty(card.Uuid))
        {
            seen.Add(card.Uuid);
        }

        foreach (Suggestion suggestion in card.Suggestions ?? [])
        {
            if (!string.IsNullOrEmpty(suggestion.Uuid))
            {
                seen.Add(suggestion.Uuid);
            }
        }
    }

    private static void CheckElement(JsonElement element, string path, List<SelfCheckViolation> violations)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "The JSON value is undefined (a default JsonElement)."));
            return;
        }

        CheckJsonNode(element, path, isRoot: false, violations);
    }

    private static void CheckOptionalText(string? value, string path, List<SelfCheckViolation> violations)
    {
        if (value is not null && value.Length == 0)
        {
            violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "An optional string must be omitted rather than empty."));
        }
    }

    private static void CheckNotEmpty(int count, string path, List<SelfCheckViolation> violations)
    {
        if (count == 0)
        {
            violations.Add(Violation(SelfCheckRules.NoNullOrEmpty, path, "An optional list or object must be omitted rather than empty."));
        }
    }

    private static bool IsAbsoluteHttpUrl(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    private static int CountCharacters(string text)
    {
        int count = 0;
        foreach (System.Text.Rune _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static SelfCheckViolation Violation(string ruleId, string path, string message) =>
        new() { RuleId = ruleId, Path = path, Message = message };
}
