using System.Net;
using CdsHooks.Fhir.Model;
using CdsHooks.Service.Demo;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Service.Tests.Demo;

public sealed class DemoFhirSearchTests(DemoFhirFixture fixture) : IClassFixture<DemoFhirFixture>
{
    private const string Loinc = "http://loinc.org";
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private const string Atc = "http://www.whocc.no/atc";

    private readonly DemoFhirHost _host = fixture.Shifted;

    [Theory]
    [InlineData("Condition")]
    [InlineData("Observation")]
    [InlineData("MedicationStatement")]
    [InlineData("MedicationRequest")]
    [InlineData("Procedure")]
    public async Task SearchByPatient_EveryPatient_TotalMatchesTheBundle(string type)
    {
        foreach (var seed in SeedPatients.ById.Values)
        {
            var expected = seed.Resources.Where(r => r.ResourceType == type).Select(r => r.Id!).Order().ToList();

            var byPatient = await _host.SearchAsync($"fhir/{type}?patient={seed.PatientId}&_count=500");
            var bySubject = await _host.SearchAsync($"fhir/{type}?subject=Patient/{seed.PatientId}&_count=500");

            Assert.Equal(expected.Count, byPatient.Total);
            Assert.Equal(expected, DemoFhirHost.Ids(byPatient).Order());
            Assert.Equal(expected.Count, bySubject.Total);
        }
    }

    [Theory]
    [InlineData("patient=crohns-v1")]
    [InlineData("patient=Patient/crohns-v1")]
    [InlineData("subject=crohns-v1")]
    [InlineData("subject=Patient/crohns-v1")]
    [InlineData("patient=http://ehr.example.org/fhir/Patient/crohns-v1")]
    public async Task SearchByPatient_ReferenceForms_AreEquivalent(string query)
    {
        var bundle = await _host.SearchAsync($"fhir/Observation?{query}");

        Assert.Equal(SeedPatients.Get("crohns-v1").Resources.OfType<Observation>().Count(), bundle.Total);
        Assert.Equal("searchset", bundle.Type);
        Assert.All(bundle.Entry!, e =>
        {
            Assert.Equal("match", e.Search!.Mode);
            Assert.Equal(new Uri(_host.Client.BaseAddress!, $"fhir/Observation/{e.Resource!.Id}").ToString(), e.FullUrl);
            Assert.Equal("Patient/crohns-v1", ((Observation)e.Resource).Subject!.ReferenceValue);
        });
    }

    [Fact]
    public async Task SearchByPatient_CommaMeansOr_WrongTypeMatchesNothing()
    {
        var both = await _host.SearchAsync("fhir/Condition?patient=crohns-v1,lung-v1&_count=500");
        var wrongType = await _host.SearchAsync("fhir/Condition?patient=Group/crohns-v1");

        Assert.Equal(Count<Condition>("crohns-v1") + Count<Condition>("lung-v1"), both.Total);
        Assert.Equal(0, wrongType.Total);
        Assert.Null(wrongType.Entry);
    }

    [Fact]
    public async Task SearchById_CommaMeansOr()
    {
        var bundle = await _host.SearchAsync("fhir/Patient?_id=crohns-v1,lung-v2a,nobody");

        Assert.Equal(["crohns-v1", "lung-v2a"], DemoFhirHost.Ids(bundle).Order());
    }

    [Theory]
    [InlineData("code=1988-5", true)]
    [InlineData("code=http://loinc.org|1988-5", true)]
    [InlineData("code=http://snomed.info/sct|1988-5", false)]
    [InlineData("code=|1988-5", false)]   // |code requires a coding without a system
    public async Task SearchByCode_TokenForms(string query, bool matches)
    {
        var expected = AllSeeds<Observation>().Count(o => o.Code!.Coding!.Any(c => c.System == Loinc && c.Code == "1988-5"));

        var bundle = await _host.SearchAsync($"fhir/Observation?{query}&_count=0");

        Assert.True(expected > 1);
        Assert.Equal(matches ? expected : 0, bundle.Total);
    }

    [Fact]
    public async Task SearchByCode_SystemOnly_MatchesEveryCodeInTheSystem()
    {
        var expected = AllSeeds<Observation>().Count(o => o.Code!.Coding!.Any(c => c.System == Loinc));

        var bundle = await _host.SearchAsync($"fhir/Observation?code={Loinc}|&_count=0");

        Assert.InRange(expected, 2, AllSeeds<Observation>().Count() - 1);
        Assert.Equal(expected, bundle.Total);
    }

    [Fact]
    public async Task SearchByCode_CommaIsOr_RepeatIsAnd()
    {
        static int With(string system, string code) => AllSeeds<MedicationStatement>()
            .Count(m => m.MedicationCodeableConcept?.Coding?.Any(c => c.System == system && c.Code == code) == true);

        var or = await _host.SearchAsync($"fhir/MedicationStatement?code={RxNorm}|327361,{RxNorm}|191831&_count=0");
        var and = await _host.SearchAsync($"fhir/MedicationStatement?code={RxNorm}|327361&code={Atc}|L04AB04&_count=0");
        var contradictory = await _host.SearchAsync($"fhir/MedicationStatement?code={RxNorm}|327361&code={Atc}|L04AB02&_count=0");

        Assert.True(With(RxNorm, "327361") > 0 && With(RxNorm, "191831") > 0);
        Assert.Equal(With(RxNorm, "327361") + With(RxNorm, "191831"), or.Total);   // adalimumab or infliximab
        Assert.Equal(With(RxNorm, "327361"), and.Total);                           // adalimumab, coded in both systems
        Assert.Equal(0, contradictory.Total);                                      // adalimumab and infliximab's ATC
    }

    [Fact]
    public async Task SearchByCategoryAndCode_DifferentParametersAreAnded()
    {
        var expected = AllSeeds<Observation>().Count(o =>
            o.Category!.Any(c => c.Coding!.Any(x => x.Code == "laboratory")) && o.Code!.Coding!.Any(c => c.Code == "1988-5"));
        var labs = AllSeeds<Observation>().Count(o => o.Category!.Any(c => c.Coding!.Any(x => x.Code == "laboratory")));

        var bundle = await _host.SearchAsync("fhir/Observation?category=laboratory&code=1988-5&_count=0");
        var allLabs = await _host.SearchAsync("fhir/Observation?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory&_count=0");

        Assert.Equal(expected, bundle.Total);
        Assert.Equal(labs, allLabs.Total);
        Assert.True(labs > expected);
    }

    [Theory]
    [InlineData("MedicationStatement", "status=stopped")]
    [InlineData("MedicationStatement", "status=http://hl7.org/fhir/CodeSystem/medication-statement-status|stopped")]
    [InlineData("MedicationStatement", "status=active,completed")]
    [InlineData("Observation", "status=final")]
    [InlineData("Procedure", "status=completed")]
    [InlineData("MedicationRequest", "status=active")]
    [InlineData("Condition", "clinical-status=active")]
    public async Task SearchByStatus_CountsMatchTheSeeds(string type, string query)
    {
        var codes = query.Split('=')[1].Split('|')[^1].Split(',');
        var expected = AllSeeds<Resource>().Where(r => r.ResourceType == type).Count(r => codes.Contains(StatusOf(r)));

        var bundle = await _host.SearchAsync($"fhir/{type}?{query}&_count=0");

        Assert.True(expected > 0);
        Assert.Equal(expected, bundle.Total);
    }

    [Fact]
    public async Task SearchByStatus_WrongSystem_MatchesNothing()
    {
        var bundle = await _host.SearchAsync("fhir/MedicationStatement?status=http://hl7.org/fhir/observation-status|stopped");

        Assert.Equal(0, bundle.Total);
    }

    [Fact]
    public async Task PostSearch_FormBody_MatchesGet()
    {
        using var form = new FormUrlEncodedContent([new("patient", "crohns-v1"), new("category", "laboratory")]);
        using var response = await _host.Client.PostAsync("fhir/Observation/_search?_count=3", form);
        var posted = await DemoFhirHost.ReadAsync<Bundle>(response, HttpStatusCode.OK);
        var got = await _host.SearchAsync("fhir/Observation?patient=crohns-v1&category=laboratory&_count=3");

        Assert.True(posted.Total > 3);
        Assert.Equal(got.Total, posted.Total);
        Assert.Equal(DemoFhirHost.Ids(got), DemoFhirHost.Ids(posted));
        Assert.Contains("patient=crohns-v1", posted.GetLink("next"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSearch_NonFormBody_Returns415()
    {
        using var body = new StringContent("""{"patient":"lung-v1"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await _host.Client.PostAsync("fhir/Observation/_search", body);

        await DemoFhirHost.AssertOutcomeAsync(response, HttpStatusCode.UnsupportedMediaType, "not-supported", DemoFhirErrorCodes.UnsupportedMediaType);
    }

    private static int Count<T>(string patientId) => SeedPatients.Get(patientId).Resources.OfType<T>().Count();

    private static IEnumerable<T> AllSeeds<T>() => SeedPatients.ById.Values.SelectMany(s => s.Resources).OfType<T>();

    private static string? StatusOf(Resource resource) => resource switch
    {
        MedicationStatement m => m.Status,
        MedicationRequest m => m.Status,
        Observation o => o.Status,
        Procedure p => p.Status,
        Condition c => c.ClinicalStatus?.Coding?[0].Code,
        _ => null,
    };
}
