using CdsHooks.Service.Demo;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Tests.Demo;

/// <summary>Bad demo data or settings stop the host at startup, with a message that says where to look.</summary>
public sealed class DemoFhirStartupTests
{
    [Fact]
    public async Task InvalidDateInBundle_StopsStartup_NamingFileCodeAndPath()
    {
        using var edge = EdgePatients.Create(bundle: EdgePatients.Bundle.Replace("\"birthDate\": \"1990\"", "\"birthDate\": \"1990-02-30\"", StringComparison.Ordinal));

        var error = await StartupErrorAsync<DemoDataException>(edge.Directory);

        Assert.Equal(Path.Combine(edge.Directory, "edge-1.json"), error.File);
        Assert.Equal(
            $"DEMO-FHIR-001: demo patient data in '{Path.Combine(edge.Directory, "edge-1.json")}' could not be loaded: "
            + "FHIR-JSON-003: The value is not a valid FHIR date, dateTime or instant. (at '$.entry[0].resource.birthDate') "
            + "Fix the file, or set Demo:Enabled=false.",
            error.Message);
    }

    [Fact]
    public async Task TruncatedBundle_StopsStartup_WithTheJsonErrorCode()
    {
        using var edge = EdgePatients.Create(bundle: EdgePatients.Bundle[..400]);

        var error = await StartupErrorAsync<DemoDataException>(edge.Directory);

        Assert.Contains("edge-1.json", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"could not be loaded: FHIR-JSON-\d{3}: .* \(at '\$[^']*'\)", error.Message);
    }

    [Fact]
    public async Task BrokenSecondBundle_StopsStartup_NamingThatFile()
    {
        const string Index = """
        [ { "file": "edge-1.json", "patientId": "edge-1", "area": "crohns", "vignette": "E1", "summary": "ok" },
          { "file": "edge-2.json", "patientId": "edge-2", "area": "crohns", "vignette": "E2", "summary": "broken" } ]
        """;
        const string Broken = """{ "resourceType": "Bundle", "type": "collection", "timestamp": "2023-06-01T09:00:00Z", "entry": [ { "resource": { "id": "x" } } ] }""";
        using var edge = EdgePatients.Create(Index, EdgePatients.Bundle, ("edge-2.json", Broken));

        var error = await StartupErrorAsync<DemoDataException>(edge.Directory);

        Assert.Equal(Path.Combine(edge.Directory, "edge-2.json"), error.File);
        Assert.Contains("FHIR-JSON-001", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.entry[0].resource", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ { "file": "missing.json", "patientId": "edge-1", "area": "a", "vignette": "v", "summary": "s" } ]""", "missing.json", "cannot be read")]
    [InlineData("""[ { "file": "edge-1.json", "patientId": "edge-9", "area": "a", "vignette": "v", "summary": "s" } ]""", "edge-1.json", "holds no Patient")]
    [InlineData("""[ { "file": "edge-1.json", "patientId": "edge-1", "area": "a", "vignette": "v" } ]""", "index.json", "'summary'")]
    [InlineData("""[ { "file": "../edge-1.json", "patientId": "edge-1", "area": "a", "vignette": "v", "summary": "s" } ]""", "index.json", "inside the patients folder")]
    [InlineData("""{ "patients": [] }""", "index.json", "JSON array")]
    [InlineData("""[ { "file": "edge-1.json", "patientId": "edge-1", "area": "a", "vignette": "v", "summary": "s" }, { "file": "edge-1.json", "patientId": "edge-1", "area": "a", "vignette": "v", "summary": "s" } ]""", "edge-1.json", "already used")]
    public async Task BadIndex_StopsStartup_NamingTheFile(string index, string file, string problem)
    {
        using var edge = EdgePatients.Create(index);

        var error = await StartupErrorAsync<DemoDataException>(edge.Directory);

        Assert.EndsWith(file, error.File, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTimestamp_WhenShifting_StopsStartup()
    {
        using var edge = EdgePatients.Create(bundle: EdgePatients.Bundle.Replace("\"timestamp\": \"2023-06-01T09:00:00Z\",", string.Empty, StringComparison.Ordinal));

        var error = await StartupErrorAsync<DemoDataException>(edge.Directory, shift: true);

        Assert.Contains("Bundle.timestamp is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithoutIndex_FailsOptionsValidation()
    {
        var directory = Directory.CreateTempSubdirectory("demo-fhir-empty-");
        try
        {
            var error = await StartupErrorAsync<OptionsValidationException>(directory.FullName);

            Assert.Contains($"Demo:PatientsDirectory '{directory.FullName}' holds no index.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Demo:DefaultPageSize", "600", "Demo:DefaultPageSize (600) must not exceed Demo:MaxPageSize (500).")]
    [InlineData("Demo:MaxPageSize", "0", "The field MaxPageSize must be between 1 and 10000.")]
    [InlineData("Demo:DefaultPageSize", "0", "The field DefaultPageSize must be between 1 and 10000.")]
    public async Task InvalidPageSizes_FailOptionsValidation(string key, string value, string message)
    {
        var error = await StartupErrorAsync<OptionsValidationException>(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Task<T> StartupErrorAsync<T>(string directory, bool shift = false)
        where T : Exception
        => StartupErrorAsync<T>(new Dictionary<string, string?>
        {
            ["Demo:PatientsDirectory"] = directory,
            ["Demo:ShiftDatesToToday"] = shift ? "true" : "false",
        });

    // Settings are validated when MapDemoFhir reads Demo:Enabled, data is loaded when the host starts:
    // either way the host never serves.
    private static Task<T> StartupErrorAsync<T>(Dictionary<string, string?> settings)
        where T : Exception
        => Assert.ThrowsAsync<T>(async () =>
        {
            await using var app = DemoFhirHost.Build(settings);
            await app.StartAsync();
        });
}
