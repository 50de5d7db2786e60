using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Fhir.Tests.Fixtures;
using CdsHooks.Testing.Json;

namespace CdsHooks.Fhir.Tests.Serialization;

public sealed class FhirJsonRoundTripTests
{
    [Theory]
    [InlineData("Patient", typeof(Patient))]
    [InlineData("Condition", typeof(Condition))]
    [InlineData("MedicationStatement", typeof(MedicationStatement))]
    [InlineData("MedicationRequest", typeof(MedicationRequest))]
    [InlineData("Medication", typeof(Medication))]
    [InlineData("Observation", typeof(Observation))]
    [InlineData("Procedure", typeof(Procedure))]
    [InlineData("ServiceRequest", typeof(ServiceRequest))]
    [InlineData("Bundle", typeof(Bundle))]
    [InlineData("OperationOutcome", typeof(OperationOutcome))]
    [InlineData("Encounter", typeof(OtherResource))]
    public void DeserializeResource_Fixture_RoundTripsToEquivalentJson(string fixture, Type expectedType)
    {
        var json = FhirFixtures.Load(fixture);

        var resource = FhirJson.DeserializeResource(json);
        var written = FhirJson.SerializeToUtf8Bytes(resource);

        Assert.IsType(expectedType, resource);
        Assert.Equal(fixture, resource.ResourceType);
        Assert.False(resource.AdditionalElements?.ContainsKey("resourceType") ?? false);
        JsonAssert.Equivalent(json, written);
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData("Observation")]
    [InlineData("Encounter")]
    [InlineData("Bundle")]
    public void SerializeToUtf8Bytes_AnyResource_WritesResourceTypeFirst(string fixture)
    {
        var resource = FhirJson.DeserializeResource(FhirFixtures.Load(fixture));

        var reader = new Utf8JsonReader(FhirJson.SerializeToUtf8Bytes(resource));
        reader.Read();
        reader.Read();

        Assert.Equal("resourceType", reader.GetString());
        reader.Read();
        Assert.Equal(fixture, reader.GetString());
    }

    [Fact]
    public void DeserializeResource_JsonElement_MatchesSpanOverload()
    {
        var json = FhirFixtures.Load("MedicationStatement");
        using var document = JsonDocument.Parse(json);

        var fromElement = FhirJson.DeserializeResource(document.RootElement);

        JsonAssert.Equivalent(json, FhirJson.SerializeToUtf8Bytes(fromElement));
    }

    [Fact]
    public void SerializeToElement_RoundTrip_IsEquivalent()
    {
        var json = FhirFixtures.Load("Condition");

        var element = FhirJson.SerializeToElement(FhirJson.DeserializeResource(json));

        using var document = JsonDocument.Parse(json);
        JsonAssert.Equivalent(document.RootElement, element);
    }

    [Fact]
    public void Serialize_EmptyListsAndNulls_AreOmitted()
    {
        var patient = new Patient { Id = "p1", Name = [], Identifier = null, Active = true };

        var json = FhirJson.Serialize(patient);

        JsonAssert.Equivalent("""{"resourceType":"Patient","id":"p1","active":true}""", json);
    }

    [Fact]
    public void Serialize_Decimal_KeepsStatedPrecision()
    {
        var observation = new Observation { ValueQuantity = new Quantity { Value = 1.50m } };

        var json = FhirJson.Serialize(observation);

        Assert.Contains("\"value\":1.50", json, StringComparison.Ordinal);
    }
}
