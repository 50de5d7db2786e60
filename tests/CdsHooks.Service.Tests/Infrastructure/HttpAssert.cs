using System.Net;
using System.Text.Json;
using CdsHooks.Protocol.Validation;

namespace CdsHooks.Service.Tests.Infrastructure;

/// <summary>Assertions on the service's HTTP answers, read as an EHR would read them.</summary>
public static class HttpAssert
{
    /// <summary>Asserts a 200 CDS response that passes every self-check rule, and returns its body.</summary>
    public static async Task<JsonElement> CdsResponseAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.True(root.TryGetProperty("cards", out var cards) && cards.ValueKind == JsonValueKind.Array, "'cards' must always be sent");
        var violations = ResponseSelfCheck.CheckJson(root);
        Assert.True(violations.Count == 0, "response breaks CDS Hooks rules: " + string.Join("; ", violations));
        return root;
    }

    /// <summary>Asserts an error status with a FHIR OperationOutcome body, and returns its first issue.</summary>
    public static async Task<JsonElement> OperationOutcomeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.Equal("OperationOutcome", root.GetProperty("resourceType").GetString());
        var issue = root.GetProperty("issue")[0];
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("diagnostics").GetString()));
        return issue;
    }

    /// <summary>The project error code of an issue (<c>issue.details.coding[0].code</c>), or null.</summary>
    public static string? ErrorCode(JsonElement issue) =>
        issue.TryGetProperty("details", out var details) ? details.GetProperty("coding")[0].GetProperty("code").GetString() : null;

    /// <summary>The FHIRPath-like location of an issue (<c>issue.expression[0]</c>), or null.</summary>
    public static string? Expression(JsonElement issue) =>
        issue.TryGetProperty("expression", out var expression) ? expression[0].GetString() : null;

    /// <summary>The rule ids of the cards, from each card's assessment record.</summary>
    public static IReadOnlyList<string> Rules(JsonElement response) =>
        response.GetProperty("cards").EnumerateArray().Select(RuleOf).ToList();

    /// <summary>The one card a rule produced.</summary>
    public static JsonElement Card(JsonElement response, string rule) =>
        response.GetProperty("cards").EnumerateArray().SingleOrDefault(c => RuleOf(c) == rule) is { ValueKind: JsonValueKind.Object } card
            ? card
            : throw new Xunit.Sdk.XunitException($"no card from {rule}; cards: {string.Join(", ", Rules(response))}");

    private static string RuleOf(JsonElement card) =>
        card.TryGetProperty("extension", out var ext) && ext.TryGetProperty("org.refractorycds.assessment", out var record)
            ? record.GetProperty("rule").GetString()!
            : "(no assessment record)";
}
