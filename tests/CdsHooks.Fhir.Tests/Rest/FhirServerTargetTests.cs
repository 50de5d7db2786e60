using CdsHooks.Fhir.Rest;

namespace CdsHooks.Fhir.Tests.Rest;

public sealed class FhirServerTargetTests
{
    [Fact]
    public void ToString_WithToken_RedactsToken()
    {
        var target = new FhirServerTarget(new Uri("https://ehr.example.org/fhir"), "eyJhbGciOi.secret.sig");

        var text = target.ToString();

        Assert.Equal("FhirServerTarget { BaseUrl = https://ehr.example.org/fhir, BearerToken = (redacted) }", text);
    }

    [Fact]
    public void ToString_RelativeBaseUrl_DoesNotThrow()
        => Assert.Equal(
            "FhirServerTarget { BaseUrl = fhir, BearerToken = (redacted) }",
            new FhirServerTarget(new Uri("fhir", UriKind.Relative), "secret").ToString());

    [Fact]
    public void ToString_WithoutToken_SaysNull()
        => Assert.Equal(
            "FhirServerTarget { BaseUrl = https://ehr.example.org/fhir, BearerToken = null }",
            new FhirServerTarget(new Uri("https://ehr.example.org/fhir"), null).ToString());
}
