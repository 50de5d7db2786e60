using CdsHooks.Clinical.Prefetch;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Tests.Prefetch;

public sealed class MedicationReferencesTests
{
    [Theory]
    [InlineData("Medication/m1", "Medication/m1")]
    [InlineData("https://ehr.example.org/fhir/Medication/m1", "Medication/m1")]
    [InlineData("https://ehr.example.org/fhir/Medication/m1/_history/3", "Medication/m1")]
    [InlineData("Medication/m1/_history/3", "Medication/m1")]
    [InlineData("#med", null)]
    [InlineData("Substance/s1", null)]
    [InlineData("Medication/", null)]
    [InlineData("https://ehr.example.org/fhir/OtherMedication/m1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_GivesTheRelativeReference_OfMedicationReferencesOnly(string? reference, string? expected)
        => Assert.Equal(expected, MedicationReferences.Normalize(reference));

    [Fact]
    public void Unresolved_ListsEachMissingMedicationOnce_AndSkipsCodedContainedAndSuppliedOnes()
    {
        Resource[] resources =
        [
            new MedicationStatement { Id = "a", MedicationReference = new Reference { ReferenceValue = "Medication/m1" } },
            new MedicationRequest { Id = "b", MedicationReference = new Reference { ReferenceValue = "https://ehr/fhir/Medication/m1" } },
            new MedicationRequest { Id = "c", MedicationReference = new Reference { ReferenceValue = "Medication/m2" } },
            new MedicationStatement { Id = "d", MedicationReference = new Reference { ReferenceValue = "#contained" } },
            new MedicationStatement { Id = "e", MedicationCodeableConcept = new CodeableConcept { Text = "coded" }, MedicationReference = new Reference { ReferenceValue = "Medication/m4" } },
            new MedicationStatement { Id = "f", MedicationReference = new Reference { ReferenceValue = "Medication/m3" } },
            new Medication { Id = "m3" },
        ];

        Assert.Equal(["Medication/m1", "Medication/m2"], MedicationReferences.Unresolved(resources));
    }
}
