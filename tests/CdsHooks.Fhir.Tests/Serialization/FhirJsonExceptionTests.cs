using System.Text;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Fhir.Tests.Serialization;

public sealed class FhirJsonExceptionTests
{
    [Theory]
    [InlineData("<html><body>Login</body></html>", FhirJsonErrorCodes.InvalidJson)]
    [InlineData("""{ "resourceType": "Patient", "id": "p1" """, FhirJsonErrorCodes.InvalidJson)]
    [InlineData("""{ "resourceType": "Patient", "active": "yes" }""", FhirJsonErrorCodes.InvalidElementType)]
    [InlineData("""{ "resourceType": "Patient", "name": { "family": "x" } }""", FhirJsonErrorCodes.InvalidElementType)]
    public void DeserializeResource_BadText_TellsMalformedJsonFromWrongType(string json, string code)
    {
        var exception = Assert.Throws<FhirJsonException>(() => FhirJson.DeserializeResource(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(code, exception.Code);
    }
}
