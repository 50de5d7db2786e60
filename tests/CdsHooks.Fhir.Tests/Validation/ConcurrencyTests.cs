using System.Text.Json;
using CdsHooks.Fhir.Validation;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Fhir.Tests.Validation;

/// <summary>
/// One validator serves every request: its plans are built on first use and its working buffers reused, so calls
/// racing from several threads on a fresh validator must find exactly what one thread finds.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Validate_FromSeveralThreadsOnAFreshValidator_FindsWhatOneThreadFinds()
    {
        var resources = SeedPatients.ById.Values
            .SelectMany(s => Entries(s.BundleJson))
            .Concat([
                Resources.Observation.With("\"status\": \"final\",", "\"status\": \"final\", \"_status\": {\"extension\": [{\"url\": \"http://example.org/x\"}]},"),
                Resources.Condition.With("\"onsetDateTime\": \"2019-05\"", "\"onsetDateTime\": \"2019-02-30\", \"onsetString\": \"spring\""),
                Resources.MedicationStatement.With("\"effectivePeriod\": {\"start\": \"2021-01-10\", \"end\": \"2022-02-01\"}", "\"effectiveDateTime\": \"2021\""),
            ])
            .ToList();
        var expected = Findings(new ProfileValidator(ValidatorFixture.Package, ValidatorFixture.Terminology), resources);
        var shared = new ProfileValidator(ValidatorFixture.Package, ValidatorFixture.Terminology);

        var results = new List<string>[4];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, t =>
            results[t] = Findings(shared, t % 2 == 0 ? resources : Enumerable.Reverse(resources).ToList()));

        for (int t = 0; t < results.Length; t++)
        {
            Assert.Equal(t % 2 == 0 ? expected : Enumerable.Reverse(expected), results[t]);
        }

        Assert.Contains(expected, f => f.Contains("FHIR-VAL-", StringComparison.Ordinal));
    }

    private static List<string> Entries(byte[] bundle)
    {
        using var document = JsonDocument.Parse(bundle);
        return document.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetRawText()).ToList();
    }

    private static List<string> Findings(ProfileValidator validator, List<string> resources) =>
        resources.Select(json =>
        {
            using var document = JsonDocument.Parse(json);
            var report = validator.Validate(document.RootElement);
            return $"{report.Reference} {string.Join(" | ", report.Findings())}";
        }).ToList();
}
