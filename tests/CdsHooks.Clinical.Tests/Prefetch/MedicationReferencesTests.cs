using CdsHooks.Clinical.Prefetch;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Tests.Prefetch;

public sealed class MedicationReferencesTests
{
    private static readonly Uri Server = new("https://ehr.example.org/fhir/");

    [Theory]
    [InlineData("Medication/m1", "Medication/m1")]
    [InlineData("Medication/m-1.2", "Medication/m-1.2")]
    [InlineData("https://ehr.example.org/fhir/Medication/m1", "Medication/m1")]
    [InlineData("https://ehr.example.org/fhir/Medication/m1/_history/3", "Medication/m1")]
    [InlineData("Medication/m1/_history/3", "Medication/m1")]
    [InlineData("https://pharmacy.example.org/fhir/Medication/m1", null)] // another server: another drug
    [InlineData("https://ehr.example.org/fhir-other/Medication/m1", null)]
    [InlineData("Medication/..\\..", null)] // not a FHIR id: never becomes part of a request URL
    [InlineData("Medication/a b", null)]
    [InlineData("Medication/m1/extra", null)]
    [InlineData("#med", null)]
    [InlineData("Substance/s1", null)]
    [InlineData("Medication/", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_GivesTheRelativeReference_OfMedicationsOnTheCallsServerOnly(string? reference, string? expected)
        => Assert.Equal(expected, MedicationReferences.Normalize(reference, Server));

    [Fact]
    public void Normalize_AnIdLongerThanFhirAllows_IsNotRead()
    {
        Assert.Equal("Medication/" + new string('a', 64), MedicationReferences.Normalize("Medication/" + new string('a', 64), Server));
        Assert.Null(MedicationReferences.Normalize("Medication/" + new string('a', 65), Server));
    }

    [Fact]
    public void Normalize_AbsoluteReferenceWithoutAServer_IsNotRead()
        => Assert.Null(MedicationReferences.Normalize("https://ehr.example.org/fhir/Medication/m1", null));

    [Fact]
    public void Unresolved_ListsEachMissingMedicationOnce_AndSkipsCodedContainedAndSuppliedOnes()
    {
        Resource[] resources =
        [
            new MedicationStatement { Id = "a", MedicationReference = new Reference { ReferenceValue = "Medication/m1" } },
            new MedicationRequest { Id = "b", MedicationReference = new Reference { ReferenceValue = "https://ehr.example.org/fhir/Medication/m1" } },
            new MedicationRequest { Id = "c", MedicationReference = new Reference { ReferenceValue = "Medication/m2" } },
            new MedicationStatement { Id = "d", MedicationReference = new Reference { ReferenceValue = "#contained" } },
            new MedicationStatement { Id = "e", MedicationCodeableConcept = new CodeableConcept { Text = "coded" }, MedicationReference = new Reference { ReferenceValue = "Medication/m4" } },
            new MedicationStatement { Id = "f", MedicationReference = new Reference { ReferenceValue = "Medication/m3" } },
            new Medication { Id = "m3" },
        ];

        Assert.Equal(["Medication/m1", "Medication/m2"], MedicationReferences.Unresolved(resources, Server));
    }
}
