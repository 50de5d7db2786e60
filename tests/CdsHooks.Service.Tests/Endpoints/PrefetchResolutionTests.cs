using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Service.Tests.Fakes;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;
using Microsoft.AspNetCore.Http;

namespace CdsHooks.Service.Tests.Endpoints;

/// <summary>
/// CDS Hooks §Prefetch through the real host: a present key is used, <c>null</c> is known empty and not queried
/// again, an OperationOutcome or absent key is fetched from <c>fhirServer</c> with the bearer token, paging is
/// followed, and failures degrade to data gaps the response names.
/// </summary>
public sealed class PrefetchResolutionTests : IAsyncLifetime
{
    private const string Service = "/cds-services/refractory-patient-view";
    private const string Token = "test-access-token-7f3c";
    private static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");

    private readonly CdsHooksApp _app = new(now: Seed.EvaluationTime);
    private FakeFhirServer _fhir = null!;

    public async Task InitializeAsync() => _fhir = await FakeFhirServer.StartAsync(Seed);

    public async Task DisposeAsync()
    {
        await _fhir.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Post_FullPrefetchWithoutFhirServer_AnswersFromPrefetchAlone()
    {
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
        Assert.DoesNotContain(DataUnavailableRule, HttpAssert.Rules(body));
        Assert.Empty(_fhir.Requests);
    }

    [Fact]
    public async Task Post_NullPrefetch_IsKnownEmpty_AndNotQueriedAgain()
    {
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "procedures")
            .WithPrefetch("procedures", null)
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Empty(_fhir.Requests);
        Assert.DoesNotContain(DataUnavailableRule, HttpAssert.Rules(body));
        Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_OperationOutcomePrefetch_IsQueriedAgainFromFhirServer()
    {
        var outcome = JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout"}]}""");
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "medicationStatements")
            .WithPrefetch("medicationStatements", outcome)
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        var requests = _fhir.Requests.ToList();
        var only = Assert.Single(requests);
        Assert.Equal("MedicationStatement", only.ResourceType);
        Assert.Equal($"Bearer {Token}", only.Authorization);
        Assert.Equal(await FullPrefetchRulesAsync(), HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_NoPrefetch_FetchesEveryKeyWithTheBearerToken_AndGivesTheSameCards()
    {
        _fhir.RequiredToken = Token;
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        var types = _fhir.Requests.Select(r => r.ResourceType).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Condition", "MedicationRequest", "MedicationStatement", "Observation", "Patient", "Procedure"], types);
        Assert.All(_fhir.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        Assert.Contains(_fhir.Requests, r => r.PathAndQuery == $"Patient/{Seed.PatientId}");
        Assert.Contains(_fhir.Requests, r => r.PathAndQuery == $"Observation?patient={Seed.PatientId}&_sort=-date&_count=100");
        Assert.Equal(await FullPrefetchRulesAsync(), HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_SearchAcrossThreePages_FollowsNextLinks()
    {
        _fhir.PageSize = 4; // 11 observations: pages of 4, 4 and 3
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "observations")
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Equal(3, _fhir.RequestsFor("Observation").Count);
        Assert.Equal(await FullPrefetchRulesAsync(), HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_PagedPrefetchBundle_FetchesTheRemainingPagesItself()
    {
        var observations = SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "Observation").ToList();
        _fhir.PageSize = 4;
        var firstPage = SeedPrefetch.SearchSet(observations.Take(4), nextLink: $"{_fhir.BaseUrl}Observation?_page=1");
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "observations")
            .WithPrefetch("observations", firstPage)
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Equal(["Observation?_page=1", "Observation?_page=2"], _fhir.RequestsFor("Observation").Select(r => r.PathAndQuery));
        Assert.Equal(await FullPrefetchRulesAsync(), HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_PagingCycle_StopsAndReportsTheObservationsAsIncomplete()
    {
        _fhir.Override("Observation", context => Write(context, SeedPrefetch.SearchSet([], nextLink: $"{_fhir.BaseUrl}Observation?_page=1")));
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "observations")
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Equal(2, _fhir.RequestsFor("Observation").Count); // the search, then its next page, which links to itself
        var gap = DataUnavailableCard(body);
        Assert.Contains("Observation (prefetch key 'observations')", gap.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("led back to a page already read", gap.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SlowFhirServer_AnswersByTheDeadline_WithTheGapNamed()
    {
        await using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Prefetch:Deadline"] = "00:00:00.500" }, Seed.EvaluationTime);
        _fhir.Override("Observation", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await Write(context, SeedPrefetch.SearchSet([]));
        });
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "observations")
            .WithFhirServer(_fhir.BaseUrl, Token);

        using (var client = app.CreateClient())
        {
            // Start the host before the clock runs: the bound is about the deadline, not a cold start.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        }

        var watch = Stopwatch.StartNew();
        var body = await HttpAssert.CdsResponseAsync(await app.PostJsonAsync(Service, request.ToJson()));
        watch.Stop();

        // Bounded well below the fake server's 10 s: the deadline, not the server, ended the wait.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains("did not answer within the 0.5 s deadline", DataUnavailableCard(body).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_FhirServerFailsForConditions_DegradesWithOneCardSayingWhatIsMissing()
    {
        _fhir.Fail("Condition", StatusCodes.Status500InternalServerError);
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "conditions")
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        var card = Assert.Single(body.GetProperty("cards").EnumerateArray());
        Assert.Equal(DataUnavailableRule, HttpAssert.Rules(body)[0]);
        Assert.Equal("info", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Refractory-disease checks could not run", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("the FHIR server answered HTTP 500", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, _fhir.RequestsFor("Condition").Count); // a 5xx is retried twice
    }

    [Theory]
    [InlineData(StatusCodes.Status401Unauthorized)]
    [InlineData(StatusCodes.Status403Forbidden)]
    public async Task Post_FhirServerRefusesEveryQuery_Answers412NamingTheKeys(int status)
    {
        _fhir.Fail("Condition", status);
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "conditions")
            .WithFhirServer(_fhir.BaseUrl, Token);

        var issue = await HttpAssert.OperationOutcomeAsync(await _app.PostJsonAsync(Service, request.ToJson()), HttpStatusCode.PreconditionFailed);

        Assert.Equal("prefetch.conditions", HttpAssert.Expression(issue));
        Assert.Contains($"the FHIR server answered HTTP {status}", issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.Single(_fhir.RequestsFor("Condition")); // refusals are not retried
    }

    [Fact]
    public async Task Post_FhirServerRefusesOneQueryOfSeveral_DegradesWithTheGapNamed()
    {
        _fhir.Fail("Procedure", StatusCodes.Status403Forbidden);
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
        Assert.Contains("Procedure (prefetch key 'procedures'): the FHIR server answered HTTP 403", HttpAssert.Card(body, DataUnavailableRule).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OperationOutcomePrefetchWithoutFhirServer_Answers412()
    {
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "observations")
            .WithPrefetch("observations", JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout"}]}"""));

        var issue = await HttpAssert.OperationOutcomeAsync(await _app.PostJsonAsync(Service, request.ToJson()), HttpStatusCode.PreconditionFailed);

        Assert.Equal("prefetch.observations", HttpAssert.Expression(issue));
        Assert.Contains("the EHR's prefetch held an OperationOutcome for it", issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingKeyWithFailureModeOmit_EvaluatesWithoutItAndSaysSo()
    {
        await using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Prefetch:FailureMode"] = "Omit" }, Seed.EvaluationTime);
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed, "procedures");

        var body = await HttpAssert.CdsResponseAsync(await app.PostJsonAsync(Service, request.ToJson()));

        Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
        Assert.Contains("it was not prefetched, and the request has no fhirServer to query", HttpAssert.Card(body, DataUnavailableRule).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PlainHttpFhirServerOffLoopback_Answers400()
    {
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(new Uri("http://ehr.example.org/fhir/"), Token);

        var issue = await HttpAssert.OperationOutcomeAsync(await _app.PostJsonAsync(Service, request.ToJson()), HttpStatusCode.BadRequest);

        Assert.Equal("CDS-REQ-006", HttpAssert.ErrorCode(issue));
        Assert.Equal("fhirServer", HttpAssert.Expression(issue));
    }

    [Fact]
    public async Task Post_NoPrefetchAndNoFhirServer_Answers412NamingEachKey()
    {
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed, "observations", "procedures");

        var response = await _app.PostJsonAsync(Service, request.ToJson());

        var issue = await HttpAssert.OperationOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal("processing", issue.GetProperty("code").GetString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var expressions = document.RootElement.GetProperty("issue").EnumerateArray().Select(HttpAssert.Expression).ToList();
        Assert.Equal(["prefetch.observations", "prefetch.procedures"], expressions);
    }

    [Fact]
    public async Task Post_PrefetchedResourcesOfAnotherPatient_AreIgnored()
    {
        var conditions = SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "Condition").ToList();
        foreach (var condition in conditions)
        {
            condition["subject"] = new JsonObject { ["reference"] = "Patient/someone-else" };
        }

        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "conditions")
            .WithPrefetch("conditions", SeedPrefetch.SearchSet(conditions));

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.DoesNotContain("crohns.refractory-status", HttpAssert.Rules(body));
        Assert.Contains("named another patient as their subject and were ignored", DataUnavailableCard(body).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PrefetchEntryThatIsNotValidFhir_IsLeftOut_AndReportedAsIncomplete()
    {
        var observations = SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "Observation").ToList();
        int crp = observations.FindIndex(o => o["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "1988-5");
        observations[crp]["status"] = 42;
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "observations")
            .WithPrefetch("observations", SeedPrefetch.SearchSet(observations));

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        string detail = DataUnavailableCard(body).GetProperty("detail").GetString()!;
        Assert.Contains("one resource could not be read (FHIR-JSON-", detail, StringComparison.Ordinal);
        Assert.Contains($"$.entry[{crp}].resource.status", detail, StringComparison.Ordinal);
        Assert.Contains("crohns.refractory-status", HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_ResourcesNoPackCanUse_AreNotRead_SoTheirDefectsCostNothing()
    {
        var observations = SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "Observation").ToList();
        for (int i = 0; i < 500; i++)
        {
            // Heart rate, no pack's concern, with a defect the reader would report if it read it.
            observations.Add(JsonNode.Parse($$$"""
                {"resourceType":"Observation","id":"hr-{{{i}}}","status":7,"code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                 "subject":{"reference":"Patient/{{{Seed.PatientId}}}"},"effectiveDateTime":"2022-01-01","valueQuantity":{"value":72,"unit":"/min"}}
                """)!);
        }

        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "observations")
            .WithPrefetch("observations", SeedPrefetch.SearchSet(observations));

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Equal(await FullPrefetchRulesAsync(), HttpAssert.Rules(body));
        Assert.DoesNotContain(DataUnavailableRule, HttpAssert.Rules(body));
    }

    [Fact]
    public async Task Post_DrugRecordedAsTextOnly_MakesTheStatusInsufficientData_NotNotRefractory()
    {
        var statements = SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "MedicationStatement").ToList();
        var ustekinumab = statements.Single(r => r["id"]!.GetValue<string>() == "crohns-v1-ms-ust");
        ustekinumab["medicationCodeableConcept"] = new JsonObject { ["text"] = "Stelara 90 mg" };
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "medicationStatements")
            .WithPrefetch("medicationStatements", SeedPrefetch.SearchSet(statements));

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        // Only one coded mechanism failed; the uncoded course could be a second one, so the answer is "we cannot tell".
        var record = HttpAssert.Card(body, "crohns.refractory-status").GetProperty("extension").GetProperty("org.refractorycds.assessment");
        Assert.Equal("insufficient-data", record.GetProperty("status").GetString());
        Assert.Contains(record.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("MedicationStatement/crohns-v1-ms-ust", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_DrugsGivenAsMedicationReferences_AreReadFromTheFhirServer_AndAssessedAsIfCoded()
    {
        var (statements, medications) = StatementsWithReferencedDrugs(absoluteFor: "crohns-v1-ms-ust");
        _fhir.Override("Medication", context =>
        {
            string id = ((string)context.Request.RouteValues["path"]!).Split('/')[1];
            return medications.TryGetValue(id, out var medication) ? Write(context, medication) : Task.FromResult(context.Response.StatusCode = 404);
        });
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "medicationStatements")
            .WithPrefetch("medicationStatements", SeedPrefetch.SearchSet(statements))
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        var reads = _fhir.RequestsFor("Medication");
        Assert.Equal(medications.Keys.Order().Select(id => $"Medication/{id}"), reads.Select(r => r.PathAndQuery).Order());
        Assert.All(reads, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        Assert.Equal(await FullPrefetchRulesAsync(), HttpAssert.Rules(body));
        var record = HttpAssert.Card(body, "crohns.refractory-status").GetProperty("extension").GetProperty("org.refractorycds.assessment");
        Assert.Equal("refractory", record.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_MedicationReferenceThatCannotBeRead_MakesTheStatusInsufficientData_AndNamesTheGap()
    {
        var (statements, _) = StatementsWithReferencedDrugs(absoluteFor: null);
        _fhir.Fail("Medication", StatusCodes.Status404NotFound);
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "medicationStatements")
            .WithPrefetch("medicationStatements", SeedPrefetch.SearchSet(statements))
            .WithFhirServer(_fhir.BaseUrl, Token);

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.NotEmpty(_fhir.RequestsFor("Medication"));
        var record = HttpAssert.Card(body, "crohns.refractory-status").GetProperty("extension").GetProperty("org.refractorycds.assessment");
        Assert.Equal("insufficient-data", record.GetProperty("status").GetString());
        Assert.Contains(record.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("Medication/med-crohns-v1-ms-ust", StringComparison.Ordinal));
        Assert.Contains("Medication", DataUnavailableCard(body).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MedicationReferenceWithoutFhirServer_IsNotTakenAsNoDrug()
    {
        var (statements, _) = StatementsWithReferencedDrugs(absoluteFor: null);
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId)
            .WithFullPrefetch(Seed, "medicationStatements")
            .WithPrefetch("medicationStatements", SeedPrefetch.SearchSet(statements));

        var body = await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.Empty(_fhir.Requests);
        var record = HttpAssert.Card(body, "crohns.refractory-status").GetProperty("extension").GetProperty("org.refractorycds.assessment");
        Assert.Equal("insufficient-data", record.GetProperty("status").GetString());
    }

    // The seed's statements with each drug moved into a Medication resource the statement references, as many EHRs
    // record it; one reference may be absolute (with a version) to show that both forms are read.
    private (List<JsonNode> Statements, Dictionary<string, JsonNode> Medications) StatementsWithReferencedDrugs(string? absoluteFor)
    {
        var statements = SeedPrefetch.Resources(Seed).Where(r => SeedPrefetch.Type(r) == "MedicationStatement").ToList();
        var medications = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            string id = "med-" + statement["id"]!.GetValue<string>();
            var code = statement["medicationCodeableConcept"]!.DeepClone();
            statement.AsObject().Remove("medicationCodeableConcept");
            string reference = statement["id"]!.GetValue<string>() == absoluteFor ? $"{_fhir.BaseUrl}Medication/{id}/_history/2" : $"Medication/{id}";
            statement["medicationReference"] = new JsonObject { ["reference"] = reference };
            medications[id] = new JsonObject { ["resourceType"] = "Medication", ["id"] = id, ["code"] = code };
        }

        return (statements, medications);
    }

    [Fact]
    public async Task Post_FhirFallback_LogsNeitherTheTokenNorThePatientId()
    {
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(_fhir.BaseUrl, Token);

        await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson()));

        Assert.NotEmpty(_app.Logs.Lines);
        Assert.Contains(request.HookInstance, _app.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, _app.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Seed.PatientId, _app.Logs.Text, StringComparison.Ordinal);
    }

    private const string DataUnavailableRule = CdsHooks.Clinical.Invocation.RefractoryEngine.DataUnavailableRule;

    private static JsonElement DataUnavailableCard(JsonElement body) => HttpAssert.Card(body, DataUnavailableRule);

    private async Task<IReadOnlyList<string>> FullPrefetchRulesAsync()
    {
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed);
        return HttpAssert.Rules(await HttpAssert.CdsResponseAsync(await _app.PostJsonAsync(Service, request.ToJson())));
    }

    private static Task Write(HttpContext context, JsonNode json)
    {
        context.Response.ContentType = "application/fhir+json";
        return context.Response.WriteAsync(json.ToJsonString());
    }
}
