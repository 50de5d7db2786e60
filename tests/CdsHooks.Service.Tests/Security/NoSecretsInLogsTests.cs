using System.Net;
using System.Security.Cryptography;
using System.Text;
using CdsHooks.Service.Audit;
using CdsHooks.Service.Tests.Fakes;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Security;

/// <summary>
/// Hardening: invocations carrying client JWTs, a FHIR access token and a patient id, accepted and refused, leave
/// none of them in any log line; the audit trail holds only the keyed hash of the patient id.
/// </summary>
public sealed class NoSecretsInLogsTests
{
    private const string FhirToken = "fhir-access-token-5d1e9c";

    [Fact]
    public async Task Invocations_WithTokensAndPatientIds_LeaveNeitherInTheLogs()
    {
        await using var auth = await AuthenticatedApp.StartAsync();
        await using var fhir = await FakeFhirServer.StartAsync(AuthenticatedApp.Seed);
        fhir.RequiredToken = FhirToken;
        string patient = AuthenticatedApp.Seed.PatientId;
        var tokens = new List<string>();

        // Accepted: prefetch from the FHIR server with the EHR's token.
        string accepted = auth.Token().Sign(auth.InlineKey);
        tokens.Add(accepted);
        var request = CdsRequestBuilder.For("patient-view", patient).WithFhirServer(fhir.BaseUrl, FhirToken);
        var body = await HttpAssert.CdsResponseAsync(await auth.SendAsync(HttpMethod.Post, AuthenticatedApp.ServicePath, accepted, request.ToJson()));
        // Refused: replayed, expired, and with a wrong audience.
        Assert.Equal(HttpStatusCode.Unauthorized, (await auth.SendAsync(HttpMethod.Post, AuthenticatedApp.ServicePath, accepted, request.ToJson())).StatusCode);
        var expired = auth.Token();
        expired.Claims["exp"] = auth.Now.AddMinutes(-10).ToUnixTimeSeconds();
        tokens.Add(expired.Sign(auth.InlineKey));
        Assert.Equal(HttpStatusCode.Unauthorized, (await auth.InvokeAsync(tokens[^1])).StatusCode);
        tokens.Add(auth.Token("/cds-services/other").Sign(auth.InlineKey));
        Assert.Equal(HttpStatusCode.Unauthorized, (await auth.InvokeAsync(tokens[^1])).StatusCode);

        string logs = auth.App.Logs.Text;
        Assert.NotEmpty(fhir.Requests);
        Assert.Contains("refused: Replayed", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(patient, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FhirToken, logs, StringComparison.Ordinal);
        foreach (string token in tokens)
        {
            Assert.All(token.Split('.'), part => Assert.DoesNotContain(part, logs, StringComparison.Ordinal));
        }

        var row = Assert.Single(await auth.App.Services.GetRequiredService<IAuditTrail>().FindByHookInstanceAsync(request.HookInstance, CancellationToken.None));
        string expected = Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(CdsHooksApp.TestAuditKey), Encoding.UTF8.GetBytes(patient)));
        Assert.Equal(expected, row.PatientHash);
        Assert.Equal(HttpAssert.Rules(body), row.CardRules);
        Assert.Equal("patient-view", row.Hook);
        Assert.True(row.LatencyMs > 0);
    }
}
