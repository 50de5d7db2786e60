using System.Net;
using System.Text;
using CdsHooks.Protocol.Errors;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CdsHooks.Service.Tests.Endpoints;

/// <summary>
/// Bad input gets a clear 4xx with a FHIR OperationOutcome naming the problem and where it is, and never a 500.
/// One host serves the whole table: these requests never reach the patient's data, so they share nothing.
/// </summary>
public sealed class MalformedRequestTests(MalformedRequestTests.Host host) : IClassFixture<MalformedRequestTests.Host>
{
    private const string PatientView = "/cds-services/refractory-patient-view";
    private const string OrderSelect = "/cds-services/refractory-order-select";
    private const string OrderSign = "/cds-services/refractory-order-sign";
    private const string Feedback = "/cds-services/refractory-patient-view/feedback";
    private const string Context = """{"userId":"Practitioner/1","patientId":"p1"}""";
    private const string Auth = """{"access_token":"t0ken","token_type":"Bearer","expires_in":300,"scope":"patient/*.rs","subject":"svc"}""";
    private const string Drafts = """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"MedicationRequest","id":"d1","status":"draft","intent":"proposal"}}]}""";
    private const string Outcome = "\"outcomeTimestamp\":\"2025-06-01T12:00:00Z\"";

    public static TheoryData<string, string, string, int, string?, string?> Cases => new()
    {
        // Not JSON, or not an object.
        { PatientView, "", "application/json", 400, CdsErrorCodes.MalformedJson, "$" },
        { PatientView, "{", "application/json", 400, CdsErrorCodes.MalformedJson, "$" },
        { PatientView, """{"hook":"patient-view"}x""", "application/json", 400, CdsErrorCodes.MalformedJson, "$" },
        { PatientView, "[]", "application/json", 400, CdsErrorCodes.WrongJsonType, "$" },
        { PatientView, "null", "application/json", 400, CdsErrorCodes.WrongJsonType, "$" },
        { PatientView, "\"patient-view\"", "application/json", 400, CdsErrorCodes.WrongJsonType, "$" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"extension":{"x":{{{new string('[', 80)}}}{{{new string(']', 80)}}}}}""", "application/json", 400, CdsErrorCodes.JsonTooDeep, null },

        // Well-formed JSON that is not Unicode text: half a surrogate pair, escaped (I-JSON, RFC 7493).
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":{"conditions":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"},"note":[{"text":"a\uD800b"}]}}]}} }""", "application/json", 400, CdsErrorCodes.MalformedJson, "$" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"extension":{"x":"\uDE00"}}""", "application/json", 400, CdsErrorCodes.MalformedJson, "$" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"extension":{"x":"\uD83D\u0041"}}""", "application/json", 400, CdsErrorCodes.MalformedJson, "$" },

        // hook and hookInstance.
        { PatientView, $$$"""{"hookInstance":"h","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "hook" },
        { PatientView, $$$"""{"hook":7,"hookInstance":"h","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.WrongJsonType, "hook" },
        { PatientView, $$$"""{"hook":"order-sign","hookInstance":"h","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.HookMismatch, "hook" },
        { PatientView, $$$"""{"hook":"medication-prescribe","hookInstance":"h","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.HookMismatch, "hook" },
        { PatientView, $$$"""{"hook":"patient-view","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "hookInstance" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "hookInstance" },

        // context.
        { PatientView, """{"hook":"patient-view","hookInstance":"h"}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "context" },
        { PatientView, """{"hook":"patient-view","hookInstance":"h","context":[]}""", "application/json", 400, CdsErrorCodes.WrongJsonType, "context" },
        { PatientView, """{"hook":"patient-view","hookInstance":"h","context":{"userId":"Practitioner/1"}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "context.patientId" },
        { PatientView, """{"hook":"patient-view","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":12}}""", "application/json", 400, CdsErrorCodes.WrongJsonType, "context.patientId" },
        { PatientView, """{"hook":"patient-view","hookInstance":"h","context":{"patientId":"p1"}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "context.userId" },
        { PatientView, """{"hook":"patient-view","hookInstance":"h","context":{"userId":"12345","patientId":"p1"}}""", "application/json", 400, CdsErrorCodes.InvalidHookContext, "context.userId" },

        // fhirServer and fhirAuthorization.
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"not a url","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"ftp://ehr.example.org/fhir","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://ehr.example.org/fhir?tenant=7","context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","fhirAuthorization":{{{Auth}}},"context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.FhirAuthorizationWithoutFhirServer, "fhirAuthorization" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://ehr.example.org/fhir","fhirAuthorization":{"token_type":"Bearer"},"context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "fhirAuthorization.access_token" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://ehr.example.org/fhir","fhirAuthorization":{"access_token":"x","token_type":"MAC"},"context":{{{Context}}}}""", "application/json", 400, CdsErrorCodes.InvalidFhirAuthorization, "fhirAuthorization.token_type" },

        // prefetch and extension.
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":[]}""", "application/json", 400, CdsErrorCodes.WrongJsonType, "prefetch" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":{"patient":"Patient/p1"}}""", "application/json", 400, CdsErrorCodes.WrongJsonType, "prefetch.patient" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":{"conditions":3}}""", "application/json", 400, CdsErrorCodes.WrongJsonType, "prefetch.conditions" },
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"extension":"yes"}""", "application/json", 400, CdsErrorCodes.WrongJsonType, "extension" },

        // order-select and order-sign contexts.
        { OrderSelect, $$$"""{"hook":"order-select","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":"p1","draftOrders":{{{Drafts}}}}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "context.selections" },
        { OrderSelect, $$$"""{"hook":"order-select","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":"p1","selections":[],"draftOrders":{{{Drafts}}}}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "context.selections" },
        { OrderSelect, """{"hook":"order-select","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":"p1","selections":["MedicationRequest/d1"],"draftOrders":{"resourceType":"MedicationRequest"}}}""", "application/json", 400, CdsErrorCodes.InvalidHookContext, "context.draftOrders" },
        { OrderSign, """{"hook":"order-sign","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":"p1"}}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "context.draftOrders" },
        { OrderSign, """{"hook":"order-sign","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":"p1","draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"MedicationRequest","status":42}}]}}}""", "application/json", 400, CdsErrorCodes.InvalidHookContext, "context.draftOrders.entry[0].resource.status" },

        // HTTP-level problems.
        { PatientView, $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}}}""", "text/plain", 415, null, null },
        { PatientView, "hook=patient-view", "application/x-www-form-urlencoded", 415, null, null },
        { "/cds-services/no-such-service", $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}}}""", "application/json", 404, null, null },
        { "/cds-services/no-such-service/feedback", """{"feedback":[]}""", "application/json", 404, null, null },

        // Feedback.
        { Feedback, "{}", "application/json", 400, CdsErrorCodes.MissingRequiredField, "feedback" },
        { Feedback, $$$"""{"feedback":[{"outcome":"accepted","acceptedSuggestions":[{"id":"s"}],{{{Outcome}}}}]}""", "application/json", 400, CdsErrorCodes.MissingRequiredField, "feedback[0].card" },
        { Feedback, $$$"""{"feedback":[{"card":"c","outcome":"maybe",{{{Outcome}}}}]}""", "application/json", 400, CdsErrorCodes.InvalidFeedback, "feedback[0].outcome" },
        { Feedback, $$$"""{"feedback":[{"card":"c","outcome":"accepted",{{{Outcome}}}}]}""", "application/json", 400, CdsErrorCodes.InvalidFeedback, "feedback[0].acceptedSuggestions" },
        { Feedback, """{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"yesterday"}]}""", "application/json", 400, CdsErrorCodes.InvalidFeedback, "feedback[0].outcomeTimestamp" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_MalformedRequest_Answers4xxWithOperationOutcome(string path, string body, string contentType, int status, string? errorCode, string? expression)
    {
        var response = await host.App.PostJsonAsync(path, body, contentType);

        var issue = await HttpAssert.OperationOutcomeAsync(response, (HttpStatusCode)status);
        Assert.Equal(errorCode, HttpAssert.ErrorCode(issue));
        if (expression is not null)
        {
            Assert.Equal(expression, HttpAssert.Expression(issue));
        }
    }

    [Fact]
    public async Task Post_BodyLargerThanTheConfiguredLimit_Answers413()
    {
        var limit = 16 * 1024 * 1024;
        var padding = new string(' ', limit);
        string body = $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}}}""" + padding;

        var response = await host.App.PostJsonAsync(PatientView, body);

        var issue = await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(CdsErrorCodes.BodyTooLarge, HttpAssert.ErrorCode(issue));
    }

    [Fact]
    public async Task Get_ServiceUrl_Answers405WithOperationOutcome()
    {
        using var client = host.App.CreateClient();

        var response = await client.GetAsync(new Uri(PatientView, UriKind.Relative));

        var issue = await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("not-supported", issue.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_ErrorMessages_NeverEchoRequestContent()
    {
        const string secret = "PHI-d0b-1957-03-14";
        string body = $$$"""{"hook":"patient-view","hookInstance":"h","context":{"userId":"Practitioner/1","patientId":"{{{secret}}}"},"prefetch":{"patient":"{{{secret}}}"}}""";

        var response = await host.App.PostJsonAsync(PatientView, body);

        await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, host.App.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ByteOrderMarkAndApplicationFhirJson_AreAccepted()
    {
        string body = "\uFEFF" + $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":{"patient":null,"conditions":null,"medicationStatements":null,"medicationRequests":null,"observations":null,"procedures":null}}""";

        var response = await host.App.PostJsonAsync(PatientView, body, "application/fhir+json; charset=utf-8");

        var json = await HttpAssert.CdsResponseAsync(response);
        Assert.Empty(json.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async Task Post_BodyThatIsNotUtf8_Answers400()
    {
        byte[] prefix = System.Text.Encoding.UTF8.GetBytes($$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"extension":{"x":""" + "\"");
        byte[] body = [.. prefix, 0xC3, 0x28, .. "\"}}"u8];
        using var client = host.App.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync(new Uri(PatientView, UriKind.Relative), content);

        var issue = await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(CdsErrorCodes.MalformedJson, HttpAssert.ErrorCode(issue));
    }

    [Fact]
    public async Task Post_EscapedSurrogatePairsAndEscapedBackslashes_AreText_AndAccepted()
    {
        // "\\uD800" is an escaped backslash followed by the letters "uD800", not an escape.
        string body = $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"extension":{"emoji":"\uD83D\uDE00","path":"C:\\uD800"},"prefetch":{"patient":null,"conditions":null,"medicationStatements":null,"medicationRequests":null,"observations":null,"procedures":null}}""";

        var response = await host.App.PostJsonAsync(PatientView, body);

        await HttpAssert.CdsResponseAsync(response);
    }

    /// <summary>One host for the table, with the smallest body limit the service allows (16 MiB).</summary>
    public sealed class Host : IDisposable
    {
        public CdsHooksApp App { get; } = new(new Dictionary<string, string?> { ["CdsHooks:MaxRequestBodyBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        public void Dispose() => App.Dispose();
    }
}
