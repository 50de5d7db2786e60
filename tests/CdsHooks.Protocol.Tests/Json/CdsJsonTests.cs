using System.Text.Json;
using CdsHooks.Protocol.Cards;
using CdsHooks.Protocol.Discovery;
using CdsHooks.Protocol.Feedback;
using CdsHooks.Protocol.Json;
using CdsHooks.Protocol.Requests;
using CdsHooks.Protocol.Responses;
using CdsHooks.Testing;

namespace CdsHooks.Protocol.Tests.Json;

public sealed class CdsJsonTests
{
    private static readonly CardSource Source = new() { Label = "Refractory disease service" };

    [Fact]
    public void Serialize_EmptyResponse_WritesEmptyCardsArray()
    {
        string json = CdsJson.Serialize(new CdsResponse { Cards = [] });

        Assert.Equal("""{"cards":[]}""", json);
    }

    [Fact]
    public void Serialize_EmptyDiscovery_WritesEmptyServicesArray()
    {
        string json = CdsJson.Serialize(new DiscoveryResponse { Services = [] });

        Assert.Equal("""{"services":[]}""", json);
    }

    [Fact]
    public void Serialize_CardWithNullOptionalFields_OmitsThem()
    {
        var card = new Card { Summary = "Check eGFR", Indicator = CardIndicator.Warning, Source = Source };

        string json = CdsJson.Serialize(new CdsResponse { Cards = [card], SystemActions = null });

        CdsJsonAssert.Equal(
            """{"cards":[{"summary":"Check eGFR","indicator":"warning","source":{"label":"Refractory disease service"}}]}""",
            json);
    }

    [Fact]
    public void Serialize_EmptyOptionalLists_OmitsThem()
    {
        var card = new Card
        {
            Summary = "Check eGFR",
            Indicator = CardIndicator.Info,
            Source = Source,
            Suggestions = [],
            OverrideReasons = [],
            Links = [],
            Extension = new Dictionary<string, JsonElement>(),
        };

        string json = CdsJson.Serialize(new CdsResponse { Cards = [card], SystemActions = [] });

        CdsJsonAssert.Equal(
            """{"cards":[{"summary":"Check eGFR","indicator":"info","source":{"label":"Refractory disease service"}}]}""",
            json);
    }

    [Theory]
    [InlineData(CardIndicator.Info, "info")]
    [InlineData(CardIndicator.Warning, "warning")]
    [InlineData(CardIndicator.Critical, "critical")]
    public void Serialize_CardIndicator_WritesSpecString(CardIndicator indicator, string expected)
    {
        var card = new Card { Summary = "s", Indicator = indicator, Source = Source };

        using JsonDocument document = JsonDocument.Parse(CdsJson.Serialize(card));

        Assert.Equal(expected, document.RootElement.GetProperty("indicator").GetString());
    }

    [Fact]
    public void Serialize_AllEnums_WriteSpecStrings()
    {
        var card = new Card
        {
            Summary = "s",
            Indicator = CardIndicator.Info,
            Source = Source,
            SelectionBehavior = SelectionBehavior.AtMostOne,
            Suggestions =
            [
                new Suggestion
                {
                    Label = "Stop",
                    Actions =
                    [
                        new CdsAction { Type = CdsActionType.Delete, Description = "d", ResourceId = "MedicationRequest/1" },
                        new CdsAction { Type = CdsActionType.Create, Description = "c", Resource = JsonDocument.Parse("""{"resourceType":"Task"}""").RootElement },
                        new CdsAction { Type = CdsActionType.Update, Description = "u", Resource = JsonDocument.Parse("""{"resourceType":"Task"}""").RootElement },
                    ],
                },
            ],
            Links = [new CardLink { Label = "App", Url = new Uri("https://app.example.org/launch"), Type = CardLinkType.Smart }],
        };

        using JsonDocument document = JsonDocument.Parse(CdsJson.Serialize(card));
        JsonElement root = document.RootElement;

        Assert.Equal("at-most-one", root.GetProperty("selectionBehavior").GetString());
        JsonElement actions = root.GetProperty("suggestions")[0].GetProperty("actions");
        Assert.Equal(["delete", "create", "update"], actions.EnumerateArray().Select(a => a.GetProperty("type").GetString()));
        Assert.Equal("smart", root.GetProperty("links")[0].GetProperty("type").GetString());
        Assert.Equal("any", JsonDocument.Parse(CdsJson.Serialize(card with { SelectionBehavior = SelectionBehavior.Any })).RootElement.GetProperty("selectionBehavior").GetString());
        Assert.Equal("absolute", JsonDocument.Parse(CdsJson.Serialize(card.Links[0] with { Type = CardLinkType.Absolute })).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Serialize_FeedbackOutcome_WritesSpecStringAndUtcInstant()
    {
        var feedback = new FeedbackRequest
        {
            Feedback =
            [
                new FeedbackItem
                {
                    Card = "c1",
                    Outcome = FeedbackOutcome.Overridden,
                    OutcomeTimestamp = new DateTimeOffset(2026, 1, 2, 4, 5, 6, TimeSpan.FromHours(2)).AddMilliseconds(520),
                },
            ],
        };

        CdsJsonAssert.Equal(
            """{"feedback":[{"card":"c1","outcome":"overridden","outcomeTimestamp":"2026-01-02T02:05:06.52Z"}]}""",
            CdsJson.Serialize(feedback));
    }

    [Fact]
    public void Serialize_FhirAuthorization_UsesSnakeCaseNames()
    {
        var request = new CdsRequest
        {
            Hook = "patient-view",
            HookInstance = "h1",
            FhirServer = new Uri("https://fhir.example.org/r4"),
            FhirAuthorization = new FhirAuthorization { AccessToken = "t", TokenType = "Bearer", ExpiresIn = 300, Scope = "user/Patient.rs", Subject = "svc" },
            Context = JsonDocument.Parse("""{"userId":"Practitioner/1","patientId":"p"}""").RootElement,
        };

        CdsJsonAssert.Equal(
            """
            {"hook":"patient-view","hookInstance":"h1","fhirServer":"https://fhir.example.org/r4",
             "fhirAuthorization":{"access_token":"t","token_type":"Bearer","expires_in":300,"scope":"user/Patient.rs","subject":"svc"},
             "context":{"userId":"Practitioner/1","patientId":"p"}}
            """,
            CdsJson.Serialize(request));
    }

    [Fact]
    public void Serialize_PrefetchNullValue_IsKeptAsNull()
    {
        using ParsedCdsRequest parsed = CdsRequestReader.Read(
            """{"hook":"patient-view","hookInstance":"h","context":{},"prefetch":{"patient":null}}"""u8);

        Assert.Equal(JsonValueKind.Null, parsed.Request.Prefetch!["patient"].ValueKind);
        Assert.Contains("\"prefetch\":{\"patient\":null}", CdsJson.Serialize(parsed.Request), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownFields_AreIgnored()
    {
        CdsResponse response = CdsJson.Deserialize<CdsResponse>(
            """{"cards":[{"summary":"s","indicator":"info","source":{"label":"l","x":1},"future":true}],"other":{}}"""u8);

        Assert.Equal("s", Assert.Single(response.Cards).Summary);
    }

    [Fact]
    public void Deserialize_UnknownIndicator_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => CdsJson.Deserialize<CdsResponse>(
            """{"cards":[{"summary":"s","indicator":"hard-stop","source":{"label":"l"}}]}"""u8));
    }

    [Fact]
    public void Options_IsReadOnly()
    {
        Assert.True(CdsJson.Options.IsReadOnly);
    }
}
