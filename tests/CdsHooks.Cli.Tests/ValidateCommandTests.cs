using System.Text.Json;

namespace CdsHooks.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_BundleWithAnUncodedDrug_ExitsOneWithLocationsInTheBundle()
    {
        var (exit, output, _) = await CliRun.RunAsync("validate", CliRun.Seed("cart-v2-ball-adult-primary-refractory.json"), "--format", "json");

        Assert.Equal(1, exit);
        using var outcome = JsonDocument.Parse(output);
        var error = Assert.Single(outcome.RootElement.GetProperty("issue").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        Assert.Matches(@"^Bundle\.entry\[\d+\]\.resource\.medicationCodeableConcept\.coding$", error.GetProperty("expression")[0].GetString());
        Assert.Equal("FHIR-VAL-001", error.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_ConformingResource_ExitsZeroAndSaysSo()
    {
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """
                {"resourceType": "Condition", "id": "c1", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "34000006"}]},
                 "subject": {"reference": "Patient/p1"}, "onsetDateTime": "2020-03"}
                """);

            var (exit, output, _) = await CliRun.RunAsync("validate", file);

            Assert.Equal(0, exit);
            Assert.Contains("No issues: every resource conforms.", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
