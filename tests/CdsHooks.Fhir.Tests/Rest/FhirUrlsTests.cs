using CdsHooks.Fhir.Rest;

namespace CdsHooks.Fhir.Tests.Rest;

public sealed class FhirUrlsTests
{
    private static readonly Uri Base = FhirUrls.NormalizeBase(new Uri("https://ehr.example.org:8443/fhir/r4"));

    [Fact]
    public void NormalizeBase_WithoutTrailingSlash_AddsOne()
        => Assert.Equal("https://ehr.example.org:8443/fhir/r4/", Base.AbsoluteUri);

    [Theory]
    [InlineData("ftp://ehr.example.org/fhir")]
    [InlineData("https://ehr.example.org/fhir?tenant=1")]
    public void NormalizeBase_NotAPlainHttpBase_Throws(string url)
        => Assert.Throws<ArgumentException>(() => FhirUrls.NormalizeBase(new Uri(url)));

    [Theory]
    [InlineData("https://ehr.example.org:8443/fhir/r4/Condition?page=2", true)]
    [InlineData("https://EHR.example.org:8443/fhir/r4/Condition", true)]
    [InlineData("https://ehr.example.org:8443/fhir/r4?_getpages=abc", true)]
    [InlineData("https://ehr.example.org:8443/fhir/r4/", true)]
    [InlineData("https://ehr.example.org/fhir/r4/Condition", false)]
    [InlineData("http://ehr.example.org:8443/fhir/r4/Condition", false)]
    [InlineData("https://ehr.example.org.evil.test:8443/fhir/r4/Condition", false)]
    [InlineData("https://other.example.org:8443/fhir/r4/Condition", false)]
    [InlineData("https://ehr.example.org:8443/fhir/r4x/Condition", false)]
    [InlineData("https://ehr.example.org:8443/fhir/Condition", false)]
    [InlineData("https://ehr.example.org:8443/fhir/r4/../admin", false)]
    [InlineData("https://user@ehr.example.org:8443/fhir/r4/Condition", false)]
    public void IsUnderBase_ComparesSchemeHostPortAndPathPrefix(string url, bool expected)
        => Assert.Equal(expected, FhirUrls.IsUnderBase(Base, new Uri(url)));

    [Theory]
    [InlineData("Condition?page=2", "https://ehr.example.org:8443/fhir/r4/Condition?page=2")]
    [InlineData("/fhir/r4/Condition?page=2", "https://ehr.example.org:8443/fhir/r4/Condition?page=2")]
    [InlineData("?page=2", "https://ehr.example.org:8443/fhir/r4/?page=2")]
    [InlineData("https://elsewhere.test/Condition", "https://elsewhere.test/Condition")]
    public void TryResolveLink_RelativeOrAbsolute_ResolvesAgainstBase(string link, string expected)
    {
        Assert.True(FhirUrls.TryResolveLink(Base, link, out var url));
        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://[bad")]
    public void TryResolveLink_Unusable_ReturnsFalse(string link)
        => Assert.False(FhirUrls.TryResolveLink(Base, link, out _));

    [Theory]
    [InlineData("Condition?patient=123", "Condition")]
    [InlineData("Patient/123/$everything", "Patient")]
    [InlineData("$everything", "unknown")]
    [InlineData("?_getpages=abc", "unknown")]
    [InlineData("123/_history", "unknown")]
    public void ResourceTypeOf_FirstSegmentBelowBase(string relative, string expected)
        => Assert.Equal(expected, FhirUrls.ResourceTypeOf(Base, new Uri(Base, relative), FhirUrls.UnknownResourceType));

    [Fact]
    public void Authority_IsSchemeHostAndPortOnly()
        => Assert.Equal(
            "https://ehr.example.org:443",
            FhirUrls.Authority(new Uri("https://ehr.example.org/fhir/Condition?patient=123")));
}
