using CdsHooks.Protocol.Prefetch;

namespace CdsHooks.Protocol.Tests.Prefetch;

public sealed class PrefetchTemplateLintTests
{
    [Theory]
    [InlineData("Patient/{{context.patientId}}")]
    [InlineData("Encounter/{{context.encounterId}}")]
    [InlineData("Practitioner/{{userPractitionerId}}")]
    [InlineData("Condition?patient={{context.patientId}}&clinical-status=active")]
    [InlineData("Observation?patient={{context.patientId}}&code=http://loinc.org|4548-4&_count=1&_sort=-date")]
    [InlineData("Observation?patient={{context.patientId}}&code:in=http://example.org/ValueSet/egfr&date=ge{{today() - 365 days}}")]
    [InlineData("MedicationRequest?patient={{context.patientId}}&status=active,on-hold&_maxresults=100")]
    [InlineData("Observation?patient={{context.patientId}}&date=le2026-01-01&_lastUpdated=gt2025-01-01")]
    [InlineData("Patient/example-id.123")]
    public void Lint_TemplateWithinRestrictions_HasNoIssues(string template)
    {
        Assert.Empty(PrefetchTemplateLint.Lint(template));
    }

    [Theory]
    [InlineData("", PrefetchLintRules.Empty)]
    [InlineData("   ", PrefetchLintRules.Empty)]
    [InlineData("https://fhir.example.org/Patient/{{context.patientId}}", PrefetchLintRules.Interaction)]
    [InlineData("/Patient/{{context.patientId}}", PrefetchLintRules.Interaction)]
    [InlineData("Patient/{{context.patientId}}/$everything", PrefetchLintRules.Interaction)]
    [InlineData("Patient/{{context.patientId}}/Observation", PrefetchLintRules.Interaction)]
    [InlineData("Patient/{{context.patientId}}/_history/2", PrefetchLintRules.Interaction)]
    [InlineData("?_type=Observation", PrefetchLintRules.Interaction)]
    [InlineData("observation?patient={{context.patientId}}", PrefetchLintRules.Interaction)]
    [InlineData("Patient/{{context.patientId}}?_elements=id", PrefetchLintRules.Interaction)]
    [InlineData("Observation?patient", PrefetchLintRules.ParameterSyntax)]
    [InlineData("Observation?code:text=egfr", PrefetchLintRules.Modifier)]
    [InlineData("Observation?code:not=4548-4", PrefetchLintRules.Modifier)]
    [InlineData("Condition?subject:missing=false", PrefetchLintRules.Modifier)]
    [InlineData("Observation?date=ne2026-01-01", PrefetchLintRules.DatePrefix)]
    [InlineData("Observation?date=sa{{today()}}", PrefetchLintRules.DatePrefix)]
    [InlineData("Observation?date=ap2026-01-01", PrefetchLintRules.DatePrefix)]
    [InlineData("Observation?date=ge2025-01-01,eb2026-01-01", PrefetchLintRules.DatePrefix)]
    [InlineData("Observation?date=ge2025-01-01&date=le2026-01-01", PrefetchLintRules.RepeatedParameter)]
    [InlineData("Observation?patient={{context.patientId}}&code=4548-4&code=2160-0", PrefetchLintRules.RepeatedParameter)]
    [InlineData("Observation?patient={{context.patientId}}&code=4548-4&_count=1&sort:desc=date", PrefetchLintRules.Sort)]
    [InlineData("Observation?sort=date", PrefetchLintRules.Sort)]
    [InlineData("Observation?subject.name=smith", PrefetchLintRules.Chaining)]
    [InlineData("Patient?_has:Observation:patient:code=1234-5", PrefetchLintRules.Chaining)]
    [InlineData("Observation?patient={{context.patientId}}&_include=Observation:subject", PrefetchLintRules.ResultParameter)]
    [InlineData("Observation?patient={{context.patientId}}&_summary=true", PrefetchLintRules.ResultParameter)]
    [InlineData("Observation?patient={{context.patient.id}}", PrefetchLintRules.Token)]
    [InlineData("Observation?patient={{context.patientId}", PrefetchLintRules.Token)]
    [InlineData("Observation?patient=context.patientId}}", PrefetchLintRules.Token)]
    [InlineData("Observation?date=gt{{today() - 3 months}}", PrefetchLintRules.Token)]
    public void Lint_TemplateOutsideRestrictions_ReportsRule(string template, string ruleId)
    {
        IReadOnlyList<PrefetchLintIssue> issues = PrefetchTemplateLint.Lint(template);

        Assert.Contains(issues, issue => issue.RuleId == ruleId);
    }

    [Fact]
    public void Lint_SpecExampleWithSortDesc_SuggestsUnderscoreSort()
    {
        IReadOnlyList<PrefetchLintIssue> issues = PrefetchTemplateLint.Lint("Observation?patient={{context.patientId}}&code=4548-4&_count=1&sort:desc=date");

        PrefetchLintIssue issue = Assert.Single(issues);
        Assert.Equal(PrefetchLintRules.Sort, issue.RuleId);
        Assert.Contains("_sort=-date", issue.Message, StringComparison.Ordinal);
    }
}
