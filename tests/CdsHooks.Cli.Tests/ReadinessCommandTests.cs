using System.Text.Json;
using CdsHooks.Testing;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Cli.Tests;

public sealed class ReadinessCommandTests
{
    [Fact]
    public async Task Readiness_OneBundle_PrintsTheTableWithTheGap()
    {
        var (exit, output, error) = await CliRun.RunAsync("readiness", "--bundle", CliRun.Seed("sle-v5-relapsed-refractory-after-biologics.json"));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("Patient sle-v5", output, StringComparison.Ordinal);
        Assert.Contains("Refractory systemic lupus erythematosus (sle), in scope: yes", output, StringComparison.Ordinal);
        Assert.Matches(@"│ biologics used in SLE\s+│ therapy\s+│ sle-biologic\s+│ present\s+│ MedicationStatement/sle-v5-ms-bel\s+│ MedicationStatement/sle-v5-ms-tel uncoded\s+│", output);
        Assert.Contains("Not in scope (the patient does not have the disease): car-t-b-cell, colorectal-liver-metastases, crohns-disease, lung-cancer", output, StringComparison.Ordinal);
        Assert.Contains("Unclassified: MedicationStatement/sle-v5-ms-tel: uncoded: text only, no coding", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_FolderOfBundles_ShowsProgressAndSummarisesAsJson()
    {
        string folder = Directory.CreateTempSubdirectory("cdshooks-cli-").FullName;
        try
        {
            foreach (string file in new[] { "crohns-v1-two-mechanisms-failed.json", "crohns-v6-jak-blocked-vte-ltbi.json", "sle-v5-relapsed-refractory-after-biologics.json" })
            {
                File.Copy(CliRun.Seed(file), Path.Combine(folder, file));
            }

            File.Copy(Path.Combine(RepoPaths.Patients, "index.json"), Path.Combine(folder, "index.json")); // not a Bundle: skipped

            var (exit, output, error) = await CliRun.RunAsync("readiness", "--bundle", folder, "--format", "json");

            Assert.Equal(0, exit);
            Assert.Equal(["[1/3] crohns-v1-two-mechanisms-failed.json", "[2/3] crohns-v6-jak-blocked-vte-ltbi.json", "[3/3] sle-v5-relapsed-refractory-after-biologics.json"],
                error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            using var set = JsonDocument.Parse(output);
            Assert.Equal(3, set.RootElement.GetProperty("patients").GetInt32());
            Assert.Equal(["crohns-v1", "crohns-v6", "sle-v5"], set.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("patientId").GetString()));
            var jak = set.RootElement.GetProperty("summary").EnumerateArray().Single(r => r.GetProperty("pack").GetString() == "crohns-disease" && r.TryGetProperty("valueSet", out var vs) && vs.GetString() == "jak-inhibitor");
            Assert.Equal(2, jak.GetProperty("patientsInScope").GetInt32());
            Assert.Equal(2, jak.GetProperty("counts").GetProperty("absent").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Readiness_PatientsOnAFhirServer_ReadsEachWithThePrefetchQueries()
    {
        await using var server = await LoopbackFhirServer.StartAsync(SeedPatients.Get("crohns-v1"), SeedPatients.Get("sle-v5"));

        var (exit, output, error) = await CliRun.RunAsync("readiness", "--fhir-server", server.BaseUrl.ToString(), "--patient", "crohns-v1", "sle-v5", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Equal(["[1/2] crohns-v1", "[2/2] sle-v5"], error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Patient/crohns-v1", server.Requests);
        Assert.Contains("MedicationStatement?patient=sle-v5&_count=100", server.Requests);
        using var set = JsonDocument.Parse(output);
        var sle = set.RootElement.GetProperty("reports")[1];
        Assert.Equal(18, sle.GetProperty("validation").GetProperty("checked").GetInt32());
        Assert.Equal("yes", sle.GetProperty("packs").EnumerateArray().Single(p => p.GetProperty("pack").GetString() == "sle").GetProperty("inScope").GetString());
    }

    [Fact]
    public async Task Readiness_NothingToReportOn_ExitsWithUsageError()
    {
        var (exit, output, error) = await CliRun.RunAsync("readiness");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Nothing to report on", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_MissingFile_ExitsWithInputError()
    {
        var (exit, _, error) = await CliRun.RunAsync("readiness", "--bundle", "/no/such/bundle.json");

        Assert.Equal(2, exit);
        Assert.Contains("No such file or folder: /no/such/bundle.json", error, StringComparison.Ordinal);
    }
}
