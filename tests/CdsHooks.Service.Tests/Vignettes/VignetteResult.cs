using System.Text.Json;

namespace CdsHooks.Service.Tests.Vignettes;

/// <summary>
/// A CDS Hooks response for a vignette, read from its JSON body: the cards and, per card, the
/// <c>org.refractorycds.assessment</c> record. Assertions read the wire format, as an EHR would.
/// </summary>
public sealed class VignetteResult
{
    public VignetteResult(JsonElement response)
    {
        Response = response;
        Cards = response.GetProperty("cards").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    /// <summary>The whole response body.</summary>
    public JsonElement Response { get; }

    /// <summary>The cards, in order.</summary>
    public IReadOnlyList<JsonElement> Cards { get; }

    /// <summary>Rule ids of the cards.</summary>
    public IReadOnlyList<string> Rules => Cards.Select(RuleOf).ToList();

    /// <summary>The refractory status the pack's status card gives, or null when no status card was sent.</summary>
    public string? StatusOf(string pack) =>
        Cards.Select(Assessment).FirstOrDefault(a => a is { } r && r.GetProperty("pack").GetString() == pack && r.GetProperty("kind").GetString() == "refractory-status")
            ?.GetProperty("status").GetString();

    /// <summary>Agents (INN) of the regimen cards.</summary>
    public IReadOnlySet<string> SuggestedAgents => AgentsOfKind("regimen");

    /// <summary>Agents of cards of a kind.</summary>
    public IReadOnlySet<string> AgentsOfKind(string kind) =>
        Cards.Select(Assessment).OfType<JsonElement>()
            .Where(a => a.GetProperty("kind").GetString() == kind && a.TryGetProperty("agents", out _))
            .SelectMany(a => a.GetProperty("agents").EnumerateArray().Select(x => x.GetString()!))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The card a rule produced.</summary>
    public JsonElement Card(string ruleId) =>
        Cards.SingleOrDefault(c => RuleOf(c) == ruleId) is { ValueKind: JsonValueKind.Object } card
            ? card
            : throw new Xunit.Sdk.XunitException($"no card from {ruleId}; cards: {string.Join(", ", Rules)}");

    /// <summary>Whether a rule produced a card.</summary>
    public bool Has(string ruleId) => Rules.Contains(ruleId);

    /// <summary>The indicator of a rule's card.</summary>
    public string Indicator(string ruleId) => Card(ruleId).GetProperty("indicator").GetString()!;

    /// <summary>The assessment record of a card.</summary>
    public static JsonElement? Assessment(JsonElement card) =>
        card.TryGetProperty("extension", out var ext) && ext.TryGetProperty("org.refractorycds.assessment", out var record) ? record : null;

    /// <summary>The rule id of a card.</summary>
    public static string RuleOf(JsonElement card) => Assessment(card)?.GetProperty("rule").GetString() ?? "engine";

    /// <summary>All text of a card (summary and detail), for phrase assertions.</summary>
    public string Text(string ruleId)
    {
        var card = Card(ruleId);
        return card.GetProperty("summary").GetString() + "\n" + (card.TryGetProperty("detail", out var d) ? d.GetString() : "");
    }

    public override string ToString() => string.Join(Environment.NewLine, Cards.Select(c => $"{RuleOf(c)}: {c.GetProperty("summary").GetString()}"));
}
