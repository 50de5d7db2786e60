using System.Text.Json;
using CdsHooks.Protocol.Cards;
using CdsHooks.Protocol.Json;
using CdsHooks.Protocol.Responses;
using CdsHooks.Protocol.Validation;

namespace CdsHooks.Protocol.Tests.Validation;

public sealed class ResponseSelfCheckTests
{
    private static readonly JsonElement Resource = JsonDocument.Parse("""{"resourceType":"MedicationRequest","status":"draft"}""").RootElement;

    private static readonly CdsCoding Reason = new() { Code = "patient-refused", System = "http://example.org/override", Display = "Patient refused" };

    private static Card ValidCard(string? uuid = "card-1") => new()
    {
        Uuid = uuid,
        Summary = "eGFR below 30: metformin is contraindicated",
        Detail = "Stop metformin.",
        Indicator = CardIndicator.Warning,
        Source = new CardSource
        {
            Label = "Refractory disease service",
            Url = new Uri("https://cds.example.org/about"),
            Icon = new Uri("https://cds.example.org/icon.png"),
            Topic = new CdsCoding { Code = "renal", System = "http://example.org/topics" },
        },
        SelectionBehavior = SelectionBehavior.AtMostOne,
        Suggestions =
        [
            new Suggestion
            {
                Label = "Stop metformin",
                Uuid = uuid is null ? null : uuid + "-s1",
                IsRecommended = true,
                Actions =
                [
                    new CdsAction { Type = CdsActionType.Delete, Description = "Remove the order", ResourceId = "MedicationRequest/1" },
                    new CdsAction { Type = CdsActionType.Create, Description = "Order an alternative", Resource = Resource },
                    new CdsAction { Type = CdsActionType.Update, Description = "Reduce the dose", Resource = Resource },
                ],
            },
        ],
        OverrideReasons = [Reason],
        Links =
        [
            new CardLink { Label = "Guideline", Url = new Uri("https://example.org/kdigo"), Type = CardLinkType.Absolute },
            new CardLink { Label = "Dosing app", Url = new Uri("https://app.example.org/launch"), Type = CardLinkType.Smart, AppContext = "renal", Autolaunchable = false },
        ],
        Extension = new Dictionary<string, JsonElement> { ["com.example.rule"] = JsonDocument.Parse("\"R-12\"").RootElement },
    };

    private static IReadOnlyList<SelfCheckViolation> Check(Card card) => ResponseSelfCheck.CheckCard(card, "cards[0]");

    private static void AssertSingleViolation(Card card, string ruleId, string path)
    {
        IReadOnlyList<SelfCheckViolation> violations = Check(card);

        SelfCheckViolation violation = Assert.Single(violations);
        Assert.Equal(ruleId, violation.RuleId);
        Assert.Equal(path, violation.Path);
    }

    private static Suggestion FirstSuggestion(Card card) => card.Suggestions![0];

    private static Card WithActions(Card card, params CdsAction[] actions) =>
        card with { Suggestions = [FirstSuggestion(card) with { Actions = actions }] };

    [Fact]
    public void CheckCard_FullyPopulatedValidCard_HasNoViolations()
    {
        Assert.Empty(Check(ValidCard()));
    }

    [Fact]
    public void CheckCard_MinimalCard_HasNoViolations()
    {
        Assert.Empty(Check(new Card { Summary = "s", Indicator = CardIndicator.Info, Source = new CardSource { Label = "l" } }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckCard_BlankSummary_ViolatesSummaryRequired(string summary)
    {
        AssertSingleViolation(ValidCard() with { Summary = summary }, SelfCheckRules.SummaryRequired, "cards[0].summary");
    }

    [Fact]
    public void CheckCard_SummaryOf139Characters_Passes()
    {
        Assert.Empty(Check(ValidCard() with { Summary = new string('a', 139) }));
    }

    [Fact]
    public void CheckCard_SummaryOf140Characters_ViolatesSummaryLength()
    {
        AssertSingleViolation(ValidCard() with { Summary = new string('a', 140) }, SelfCheckRules.SummaryLength, "cards[0].summary");
    }

    [Fact]
    public void CheckCard_SummaryWithSurrogatePairs_CountsCharactersNotUtf16Units()
    {
        string summary = string.Concat(Enumerable.Repeat("😀", 100));

        Assert.Empty(Check(ValidCard() with { Summary = summary }));
    }

    [Fact]
    public void CheckCard_UnknownIndicator_ViolatesIndicator()
    {
        AssertSingleViolation(ValidCard() with { Indicator = (CardIndicator)7 }, SelfCheckRules.Indicator, "cards[0].indicator");
    }

    [Fact]
    public void CheckCard_BlankSourceLabel_ViolatesSourceLabel()
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Source = card.Source with { Label = " " } }, SelfCheckRules.SourceLabel, "cards[0].source.label");
    }

    [Fact]
    public void CheckCard_NullSource_ViolatesSourceLabel()
    {
        AssertSingleViolation(ValidCard() with { Source = null! }, SelfCheckRules.SourceLabel, "cards[0].source");
    }

    [Fact]
    public void CheckCard_RelativeSourceIcon_ViolatesSourceUrl()
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Source = card.Source with { Icon = new Uri("/icon.png", UriKind.Relative) } }, SelfCheckRules.SourceUrl, "cards[0].source.icon");
    }

    [Fact]
    public void CheckCard_SuggestionsWithoutSelectionBehavior_ViolatesCdsResp6()
    {
        AssertSingleViolation(ValidCard() with { SelectionBehavior = null }, SelfCheckRules.SelectionBehaviorRequired, "cards[0].selectionBehavior");
    }

    [Fact]
    public void CheckCard_SelectionBehaviorWithoutSuggestions_Passes()
    {
        Assert.Empty(Check(ValidCard() with { Suggestions = null }));
    }

    [Fact]
    public void CheckCard_UnknownSelectionBehavior_ViolatesEnumValue()
    {
        AssertSingleViolation(ValidCard() with { SelectionBehavior = (SelectionBehavior)9 }, SelfCheckRules.EnumValue, "cards[0].selectionBehavior");
    }

    [Fact]
    public void CheckCard_TwoRecommendedWithAtMostOne_ViolatesCdsResp1()
    {
        Card card = ValidCard();
        Suggestion second = FirstSuggestion(card) with { Uuid = "card-1-s2", Label = "Alternative" };

        AssertSingleViolation(card with { Suggestions = [FirstSuggestion(card), second] }, SelfCheckRules.AtMostOneRecommended, "cards[0].suggestions");
    }

    [Fact]
    public void CheckCard_TwoRecommendedWithAny_Passes()
    {
        Card card = ValidCard();
        Suggestion second = FirstSuggestion(card) with { Uuid = "card-1-s2", Label = "Alternative" };

        Assert.Empty(Check(card with { SelectionBehavior = SelectionBehavior.Any, Suggestions = [FirstSuggestion(card), second] }));
    }

    [Fact]
    public void CheckCard_BlankSuggestionLabel_ViolatesSuggestionLabel()
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Suggestions = [FirstSuggestion(card) with { Label = "" }] }, SelfCheckRules.SuggestionLabel, "cards[0].suggestions[0].label");
    }

    [Fact]
    public void CheckCard_SuggestionActionWithoutDescription_ViolatesCdsResp5()
    {
        Card card = ValidCard();

        AssertSingleViolation(
            WithActions(card, new CdsAction { Type = CdsActionType.Create, Resource = Resource }, new CdsAction { Type = CdsActionType.Update, Description = "u", Resource = Resource }),
            SelfCheckRules.SuggestionActionDescription,
            "cards[0].suggestions[0].actions[0].description");
    }

    [Fact]
    public void CheckCard_DeleteWithResource_ViolatesCdsResp2()
    {
        AssertSingleViolation(
            WithActions(ValidCard(), new CdsAction { Type = CdsActionType.Delete, Description = "d", ResourceId = "MedicationRequest/1", Resource = Resource }),
            SelfCheckRules.DeleteAction,
            "cards[0].suggestions[0].actions[0].resource");
    }

    [Fact]
    public void CheckCard_DeleteWithoutResourceId_ViolatesCdsResp2()
    {
        AssertSingleViolation(
            WithActions(ValidCard(), new CdsAction { Type = CdsActionType.Create, Description = "c", Resource = Resource }, new CdsAction { Type = CdsActionType.Delete, Description = "d" }),
            SelfCheckRules.DeleteAction,
            "cards[0].suggestions[0].actions[1].resourceId");
    }

    [Theory]
    [InlineData(CdsActionType.Create)]
    [InlineData(CdsActionType.Update)]
    public void CheckCard_CreateOrUpdateWithoutResource_ViolatesActionResource(CdsActionType type)
    {
        AssertSingleViolation(
            WithActions(ValidCard(), new CdsAction { Type = type, Description = "x", ResourceId = "MedicationRequest/1" }),
            SelfCheckRules.ActionResource,
            "cards[0].suggestions[0].actions[0].resource");
    }

    [Fact]
    public void CheckCard_CreateWithNonObjectResource_ViolatesActionResource()
    {
        AssertSingleViolation(
            WithActions(ValidCard(), new CdsAction { Type = CdsActionType.Create, Description = "x", Resource = JsonDocument.Parse("\"MedicationRequest/1\"").RootElement }),
            SelfCheckRules.ActionResource,
            "cards[0].suggestions[0].actions[0].resource");
    }

    [Fact]
    public void CheckCard_UnknownActionType_ViolatesEnumValue()
    {
        AssertSingleViolation(
            WithActions(ValidCard(), new CdsAction { Type = (CdsActionType)5, Description = "x" }),
            SelfCheckRules.EnumValue,
            "cards[0].suggestions[0].actions[0].type");
    }

    [Fact]
    public void CheckCard_BlankLinkLabel_ViolatesLinkLabel()
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Links = [card.Links![0] with { Label = "" }] }, SelfCheckRules.LinkLabel, "cards[0].links[0].label");
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("javascript:alert(1)")]
    public void CheckCard_NonHttpLinkUrl_ViolatesLinkUrl(string url)
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Links = [card.Links![0] with { Url = new Uri(url, UriKind.RelativeOrAbsolute) }] }, SelfCheckRules.LinkUrl, "cards[0].links[0].url");
    }

    [Fact]
    public void CheckCard_AppContextOnAbsoluteLink_ViolatesCdsResp3()
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Links = [card.Links![0] with { AppContext = "x" }] }, SelfCheckRules.AppContextOnSmartLinks, "cards[0].links[0].appContext");
    }

    [Fact]
    public void CheckCard_UnknownLinkType_ViolatesEnumValue()
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Links = [card.Links![0] with { Type = (CardLinkType)3 }] }, SelfCheckRules.EnumValue, "cards[0].links[0].type");
    }

    [Fact]
    public void CheckCard_OverrideReasonWithoutDisplay_ViolatesCdsResp4()
    {
        AssertSingleViolation(ValidCard() with { OverrideReasons = [Reason with { Display = null }] }, SelfCheckRules.OverrideReasonDisplay, "cards[0].overrideReasons[0].display");
    }

    [Fact]
    public void CheckCard_OverrideReasonWithoutSystem_ViolatesCodingRequired()
    {
        AssertSingleViolation(ValidCard() with { OverrideReasons = [Reason, Reason with { System = "" }] }, SelfCheckRules.CodingRequired, "cards[0].overrideReasons[1].system");
    }

    [Fact]
    public void CheckCard_TopicWithoutCode_ViolatesCodingRequired()
    {
        Card card = ValidCard();

        AssertSingleViolation(card with { Source = card.Source with { Topic = new CdsCoding { Code = "", System = "s" } } }, SelfCheckRules.CodingRequired, "cards[0].source.topic.code");
    }

    public static TheoryData<string, string> EmptyOptionalFields => new()
    {
        { "uuid", "cards[0].uuid" },
        { "detail", "cards[0].detail" },
        { "suggestions", "cards[0].suggestions" },
        { "actions", "cards[0].suggestions[0].actions" },
        { "overrideReasons", "cards[0].overrideReasons" },
        { "links", "cards[0].links" },
        { "extension", "cards[0].extension" },
        { "extension-value", "cards[0].extension['com.example.rule']" },
        { "resource-field", "cards[0].suggestions[0].actions[1].resource.status" },
        { "appContext", "cards[0].links[1].appContext" },
        { "topic-display", "cards[0].source.topic.display" },
    };

    [Theory]
    [MemberData(nameof(EmptyOptionalFields))]
    public void CheckCard_EmptyOptionalField_ViolatesNoNullOrEmpty(string field, string path)
    {
        Card card = ValidCard();
        Card broken = field switch
        {
            "uuid" => card with { Uuid = "", Suggestions = [FirstSuggestion(card) with { Uuid = null }] },
            "detail" => card with { Detail = "" },
            "suggestions" => card with { Suggestions = [] },
            "actions" => card with { Suggestions = [FirstSuggestion(card) with { Actions = [] }] },
            "overrideReasons" => card with { OverrideReasons = [] },
            "links" => card with { Links = [] },
            "extension" => card with { Extension = new Dictionary<string, JsonElement>() },
            "extension-value" => card with { Extension = new Dictionary<string, JsonElement> { ["com.example.rule"] = JsonDocument.Parse("{}").RootElement } },
            "resource-field" => WithActions(card, FirstSuggestion(card).Actions![0], new CdsAction { Type = CdsActionType.Create, Description = "c", Resource = JsonDocument.Parse("""{"resourceType":"Task","status":null}""").RootElement }),
            "appContext" => card with { Links = [card.Links![0], card.Links[1] with { AppContext = "" }] },
            "topic-display" => card with { Source = card.Source with { Topic = card.Source.Topic! with { Display = "" } } },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        AssertSingleViolation(broken, SelfCheckRules.NoNullOrEmpty, path);
    }

    [Fact]
    public void CheckCard_UndefinedResourceElement_ViolatesActionResource()
    {
        Assert.Contains(
            Check(WithActions(ValidCard(), new CdsAction { Type = CdsActionType.Create, Description = "c", Resource = default(JsonElement) })),
            v => v.RuleId == SelfCheckRules.ActionResource);
    }

    [Fact]
    public void Check_DuplicateCardUuid_DropsTheLaterCard()
    {
        var response = new CdsResponse { Cards = [ValidCard("same"), ValidCard("other"), ValidCard("same") with { Suggestions = null }] };

        SelfCheckResult result = ResponseSelfCheck.Check(response);

        Assert.Equal(["same", "other"], result.ValidCards.Select(c => c.Uuid));
        DroppedCard dropped = Assert.Single(result.DroppedCards);
        Assert.Equal(2, dropped.Index);
        Assert.Equal(SelfCheckRules.UniqueUuid, Assert.Single(dropped.Violations).RuleId);
        Assert.Equal("cards[2].uuid", dropped.Violations[0].Path);
    }

    [Fact]
    public void Check_SuggestionUuidReusedAcrossCards_DropsTheLaterCard()
    {
        Card first = ValidCard("a");
        Card second = ValidCard("b") with { Suggestions = [FirstSuggestion(ValidCard("b")) with { Uuid = "a-s1" }] };

        SelfCheckResult result = ResponseSelfCheck.Check(new CdsResponse { Cards = [first, second] });

        Assert.Equal("cards[1].suggestions[0].uuid", Assert.Single(Assert.Single(result.DroppedCards).Violations).Path);
    }

    [Fact]
    public void Check_DuplicateSuggestionUuidWithinCard_ViolatesUniqueUuid()
    {
        Card card = ValidCard();
        Suggestion twin = FirstSuggestion(card) with { IsRecommended = false, Label = "Twin" };

        AssertSingleViolation(card with { Suggestions = [FirstSuggestion(card), twin] }, SelfCheckRules.UniqueUuid, "cards[0].suggestions[1].uuid");
    }

    [Fact]
    public void Check_MixedResponse_KeepsValidCardsAndReportsDroppedOnes()
    {
        var response = new CdsResponse
        {
            Cards = [ValidCard("a"), ValidCard("b") with { Summary = "" }, ValidCard("c")],
            SystemActions = [new CdsAction { Type = CdsActionType.Update, Resource = Resource }, new CdsAction { Type = CdsActionType.Delete }],
        };

        SelfCheckResult result = ResponseSelfCheck.Check(response);
        CdsResponse valid = result.ToValidResponse();

        Assert.False(result.IsValid);
        Assert.Equal(["a", "c"], valid.Cards.Select(c => c.Uuid));
        Assert.Equal("cards[1].summary", Assert.Single(Assert.Single(result.DroppedCards).Violations).Path);
        Assert.Single(valid.SystemActions!);
        Assert.Equal("systemActions[1].resourceId", Assert.Single(result.SystemActionViolations).Path);
        Assert.True(ResponseSelfCheck.Check(valid).IsValid);
    }

    [Fact]
    public void Check_SystemActionWithoutDescription_IsValid()
    {
        var response = new CdsResponse { Cards = [], SystemActions = [new CdsAction { Type = CdsActionType.Update, Resource = Resource }] };

        Assert.True(ResponseSelfCheck.Check(response).IsValid);
    }

    [Fact]
    public void Check_EmptySystemActions_IsViolation()
    {
        SelfCheckResult result = ResponseSelfCheck.Check(new CdsResponse { Cards = [], SystemActions = [] });

        Assert.Equal(SelfCheckRules.NoNullOrEmpty, Assert.Single(result.SystemActionViolations).RuleId);
        Assert.Null(result.ToValidResponse().SystemActions);
    }

    [Fact]
    public void Check_EveryViolation_SerializesToValidJsonAfterDropping()
    {
        var response = new CdsResponse { Cards = [ValidCard(), ValidCard("x") with { Links = [] }] };

        CdsResponse valid = ResponseSelfCheck.Check(response).ToValidResponse();
        using JsonDocument json = JsonDocument.Parse(CdsJson.SerializeToUtf8Bytes(valid));

        Assert.Empty(ResponseSelfCheck.CheckJson(json.RootElement));
        Assert.Equal(1, json.RootElement.GetProperty("cards").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"cards":[]}""")]
    [InlineData("""{"services":[]}""")]
    [InlineData("""{"cards":[{"summary":"s","indicator":"info","source":{"label":"l"},"detail":"0","extension":{"a":false}}]}""")]
    public void CheckJson_CleanBody_HasNoViolations(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);

        Assert.Empty(ResponseSelfCheck.CheckJson(document.RootElement));
    }

    [Theory]
    [InlineData("""{"cards":[],"systemActions":[]}""", "systemActions")]
    [InlineData("""{"cards":[{"summary":"s","detail":null}]}""", "cards[0].detail")]
    [InlineData("""{"cards":[{"summary":""}]}""", "cards[0].summary")]
    [InlineData("""{"cards":[{"summary":"s","extension":{}}]}""", "cards[0].extension")]
    [InlineData("""{"cards":[{"summary":"s","links":[]}]}""", "cards[0].links")]
    [InlineData("""{"cards":[{"suggestions":[{"actions":[{"resource":{"note":[{}]}}]}]}]}""", "cards[0].suggestions[0].actions[0].resource.note[0]")]
    [InlineData("""{"cards":[{"summary":"s","source":{"label":"l","topic":{"display":""}}}]}""", "cards[0].source.topic.display")]
    [InlineData("""{"services":[{"id":"x","prefetch":{}}]}""", "services[0].prefetch")]
    [InlineData("""{"services":[{"id":"x","extension":{"com.x":[]}}]}""", "services[0].extension['com.x']")]
    [InlineData("""{}""", "$")]
    public void CheckJson_NullOrEmptyElement_ReportsPath(string json, string path)
    {
        using JsonDocument document = JsonDocument.Parse(json);

        SelfCheckViolation violation = Assert.Single(ResponseSelfCheck.CheckJson(document.RootElement));
        Assert.Equal(SelfCheckRules.NoNullOrEmpty, violation.RuleId);
        Assert.Equal(path, violation.Path);
    }

    [Fact]
    public void CheckJson_NestedEmptyCardsArray_IsViolation()
    {
        using JsonDocument document = JsonDocument.Parse("""{"cards":[],"x":{"cards":[]}}""");

        Assert.Equal("x.cards", Assert.Single(ResponseSelfCheck.CheckJson(document.RootElement)).Path);
    }
}
