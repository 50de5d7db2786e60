using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

/// <summary>
/// con-3 reads the category: a problem-list item needs a clinical status. It never fired before: with params
/// overloads, HasCoding(category, system, code) bound to the overload that takes a member name.
/// </summary>
public sealed class ConditionCategoryInvariantTests
{
    private const string ProblemListItem =
        "\"category\": [{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-category\", \"code\": \"problem-list-item\"}]}],";

    private static readonly string Unstated = Resources.Condition
        .With("\"clinicalStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"active\"}]},", "");

    [Fact]
    public void Validate_ProblemListItemWithoutClinicalStatus_WarnsCon3()
    {
        var report = Validate(Unstated.With("\"id\": \"cd\",", "\"id\": \"cd\", " + ProblemListItem));

        Assert.Equal(["warning FHIR-VAL-013 Condition"], report.Findings());
        Assert.StartsWith("con-3:", report.Issues[0].Diagnostics, StringComparison.Ordinal);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Validate_EncounterDiagnosisWithoutClinicalStatus_PassesCon3()
    {
        var report = Validate(Unstated.With("\"id\": \"cd\",", "\"id\": \"cd\", " + ProblemListItem.Replace("problem-list-item", "encounter-diagnosis", StringComparison.Ordinal)));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_ProblemListItemEnteredInError_PassesCon3()
    {
        var report = Validate(Unstated.With("\"id\": \"cd\",", "\"id\": \"cd\", " + ProblemListItem
            + "\"verificationStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-ver-status\", \"code\": \"entered-in-error\"}]},"));

        Assert.Empty(report.Issues);
    }
}
