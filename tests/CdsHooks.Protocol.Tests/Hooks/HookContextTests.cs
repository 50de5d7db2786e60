using System.Text.Json;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Hooks;

namespace CdsHooks.Protocol.Tests.Hooks;

public sealed class HookContextTests
{
    private const string Bundle = """{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"MedicationRequest","id":"103"}}]}""";

    private static HookContext Parse(string hook, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return HookContext.Parse(hook, document.RootElement.Clone());
    }

    [Fact]
    public void Parse_PatientView_ReturnsTypedContextAndTokens()
    {
        HookContext context = Parse(HookNames.PatientView, """{"userId":"Practitioner/example","patientId":"1288992","encounterId":"89284","extra":{"x":1}}""");

        var patientView = Assert.IsType<PatientViewContext>(context);
        Assert.Equal("Practitioner/example", patientView.UserId);
        Assert.Equal("1288992", patientView.PatientId);
        Assert.Equal("89284", patientView.EncounterId);
        Assert.Equal(HookNames.PatientView, patientView.Hook);
        Assert.Equal(
            new Dictionary<string, string> { ["userId"] = "Practitioner/example", ["patientId"] = "1288992", ["encounterId"] = "89284" },
            patientView.PrefetchTokens);
    }

    [Fact]
    public void Parse_PatientViewWithoutEncounter_OmitsEncounterToken()
    {
        HookContext context = Parse(HookNames.PatientView, """{"userId":"Patient/1","patientId":"1"}""");

        Assert.Null(context.EncounterId);
        Assert.False(context.PrefetchTokens.ContainsKey("encounterId"));
    }

    [Fact]
    public void Parse_OrderSelect_ReadsSelectionsAndDraftOrders()
    {
        var context = Assert.IsType<OrderSelectContext>(Parse(
            HookNames.OrderSelect,
            $$$"""{"userId":"PractitionerRole/A2340113","patientId":"p","selections":["MedicationRequest/103"],"draftOrders":{{{Bundle}}}}"""));

        Assert.Equal(["MedicationRequest/103"], context.Selections);
        Assert.Equal("Bundle", context.DraftOrders.GetProperty("resourceType").GetString());
        Assert.Equal(2, context.PrefetchTokens.Count);
    }

    [Fact]
    public void Parse_OrderSign_ReadsDraftOrdersWithEpicStyleIds()
    {
        var context = Assert.IsType<OrderSignContext>(Parse(
            HookNames.OrderSign,
            $$$"""{"userId":"Practitioner/eM5CWtq15N0WJeuCet5bJlQ3","patientId":"erXuFYUfucBZaryVksYEcMg3.AbC-1","draftOrders":{{{Bundle}}}}"""));

        Assert.Equal("erXuFYUfucBZaryVksYEcMg3.AbC-1", context.PatientId);
        Assert.Equal(1, context.DraftOrders.GetProperty("entry").GetArrayLength());
    }

    [Fact]
    public void Parse_EncounterStart_RequiresEncounterId()
    {
        var context = Assert.IsType<EncounterStartContext>(Parse(HookNames.EncounterStart, """{"userId":"Practitioner/1","patientId":"p","encounterId":"e"}"""));
        var error = Assert.Throws<InvalidCdsRequestException>(() => Parse(HookNames.EncounterStart, """{"userId":"Practitioner/1","patientId":"p"}"""));

        Assert.Equal("e", context.EncounterId);
        Assert.Equal(CdsErrorCodes.MissingRequiredField, error.Code);
        Assert.Equal("context.encounterId", error.Path);
    }

    [Theory]
    [InlineData(HookNames.PatientView, """{"patientId":"p"}""", CdsErrorCodes.MissingRequiredField, "context.userId")]
    [InlineData(HookNames.PatientView, """{"userId":"Practitioner/1"}""", CdsErrorCodes.MissingRequiredField, "context.patientId")]
    [InlineData(HookNames.PatientView, """{"userId":"Practitioner/1","patientId":""}""", CdsErrorCodes.MissingRequiredField, "context.patientId")]
    [InlineData(HookNames.PatientView, """{"userId":"Practitioner/1","patientId":7}""", CdsErrorCodes.WrongJsonType, "context.patientId")]
    [InlineData(HookNames.PatientView, """{"userId":"Practitioner/1","patientId":"p","encounterId":{}}""", CdsErrorCodes.WrongJsonType, "context.encounterId")]
    [InlineData(HookNames.PatientView, """{"userId":"123","patientId":"p"}""", CdsErrorCodes.InvalidHookContext, "context.userId")]
    [InlineData(HookNames.PatientView, """{"userId":"Practitioner/","patientId":"p"}""", CdsErrorCodes.InvalidHookContext, "context.userId")]
    [InlineData(HookNames.PatientView, """{"userId":"https://x.org/Practitioner/1","patientId":"p"}""", CdsErrorCodes.InvalidHookContext, "context.userId")]
    [InlineData(HookNames.OrderSelect, """{"userId":"Practitioner/1","patientId":"p","draftOrders":{"resourceType":"Bundle"}}""", CdsErrorCodes.MissingRequiredField, "context.selections")]
    [InlineData(HookNames.OrderSelect, """{"userId":"Practitioner/1","patientId":"p","selections":[],"draftOrders":{"resourceType":"Bundle"}}""", CdsErrorCodes.MissingRequiredField, "context.selections")]
    [InlineData(HookNames.OrderSelect, """{"userId":"Practitioner/1","patientId":"p","selections":"MedicationRequest/1","draftOrders":{"resourceType":"Bundle"}}""", CdsErrorCodes.WrongJsonType, "context.selections")]
    [InlineData(HookNames.OrderSelect, """{"userId":"Practitioner/1","patientId":"p","selections":["MedicationRequest/1",2],"draftOrders":{"resourceType":"Bundle"}}""", CdsErrorCodes.WrongJsonType, "context.selections[1]")]
    [InlineData(HookNames.OrderSelect, """{"userId":"Practitioner/1","patientId":"p","selections":["103"],"draftOrders":{"resourceType":"Bundle"}}""", CdsErrorCodes.InvalidHookContext, "context.selections[0]")]
    [InlineData(HookNames.OrderSelect, """{"userId":"Practitioner/1","patientId":"p","selections":["MedicationRequest/1"]}""", CdsErrorCodes.MissingRequiredField, "context.draftOrders")]
    [InlineData(HookNames.OrderSign, """{"userId":"Practitioner/1","patientId":"p","draftOrders":[]}""", CdsErrorCodes.WrongJsonType, "context.draftOrders")]
    [InlineData(HookNames.OrderSign, """{"userId":"Practitioner/1","patientId":"p","draftOrders":{"resourceType":"MedicationRequest"}}""", CdsErrorCodes.InvalidHookContext, "context.draftOrders")]
    [InlineData("medication-prescribe", """{"userId":"Practitioner/1","patientId":"p"}""", CdsErrorCodes.UnsupportedHook, "hook")]
    [InlineData(HookNames.PatientView, """["p"]""", CdsErrorCodes.WrongJsonType, "context")]
    public void Parse_InvalidContext_ThrowsCodeAndPath(string hook, string json, string code, string path)
    {
        var error = Assert.Throws<InvalidCdsRequestException>(() => Parse(hook, json));

        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData(HookNames.PatientView)]
    [InlineData(HookNames.OrderSelect)]
    [InlineData(HookNames.OrderSign)]
    [InlineData(HookNames.EncounterStart)]
    public void ToString_EveryContext_PrintsNoIdentifiers(string hook)
    {
        HookContext context = Parse(
            hook,
            $$$"""{"userId":"Practitioner/doc-42","patientId":"PHI-patient","encounterId":"PHI-enc","selections":["MedicationRequest/PHI-103"],"draftOrders":{"resourceType":"Bundle","id":"PHI-bundle"}}""");

        string text = context.ToString();

        Assert.DoesNotContain("PHI-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("doc-42", text, StringComparison.Ordinal);
        Assert.Contains(hook, text, StringComparison.Ordinal);
    }
}
