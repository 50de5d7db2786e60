using System.Text.Json;
using CdsHooks.Protocol.Json;
using CdsHooks.Protocol.Requests;

namespace CdsHooks.Protocol.Tests.Requests;

public sealed class FhirAuthorizationTests
{
    private const string Token = "eyJhbGciOiJSUzM4NCJ9.secret-token-value";

    [Fact]
    public void ToString_Always_DoesNotContainTokenOrPatient()
    {
        var authorization = new FhirAuthorization
        {
            AccessToken = Token,
            TokenType = "Bearer",
            ExpiresIn = 300,
            Scope = "patient/Observation.rs",
            Subject = "cds-service",
            Patient = "patient-secret-id",
        };

        string text = authorization.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("patient-secret-id", text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
        Assert.Contains("patient/Observation.rs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CdsRequestToString_WithAuthorizationAndPrefetch_PrintsNoTokenAndNoPatientData()
    {
        using ParsedCdsRequest parsed = CdsRequestReader.Read(
            System.Text.Encoding.UTF8.GetBytes("""
            {"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org",
             "fhirAuthorization":{"access_token":"TOKEN","token_type":"Bearer","expires_in":60,"scope":"s","subject":"c"},
             "context":{"userId":"Practitioner/1","patientId":"PHI-patient-77"},
             "prefetch":{"patient":{"resourceType":"Patient","name":[{"family":"PHI-Family"}]}}}
            """.Replace("TOKEN", Token, StringComparison.Ordinal)));

        string text = parsed.Request.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PHI-", text, StringComparison.Ordinal);
        Assert.Contains("patient-view", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_SameValues_AreEqual()
    {
        var a = new FhirAuthorization { AccessToken = "t", TokenType = "Bearer" };

        Assert.Equal(a, a with { });
        Assert.NotEqual(a, a with { AccessToken = "u" });
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(CdsJson.Serialize(new CdsRequest
        {
            Hook = "h",
            HookInstance = "i",
            Context = JsonDocument.Parse("{}").RootElement,
            FhirAuthorization = a,
        })).RootElement.GetProperty("fhirAuthorization").ValueKind);
    }
}
