using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Service.Demo;
using CdsHooks.Testing.Seeds;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Demo;

/// <summary>Demo data dates move so each bundle's timestamp is today, keeping precision, intervals and ages.</summary>
public sealed class DemoFhirDateShiftTests(DemoFhirFixture fixture) : IClassFixture<DemoFhirFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DemoFhirHost.Today.UtcDateTime);

    [Fact]
    public async Task EveryBundleTimestamp_BecomesToday()
    {
        var store = fixture.Shifted.Services.GetRequiredService<DemoFhirStore>();
        var patients = await fixture.Shifted.SearchAsync("fhir/Patient?_count=500");

        Assert.Equal(SeedPatients.ById.Count, store.Patients.Count);
        Assert.All(store.Patients, p => Assert.Equal(Today, p.EvaluationDate));
        Assert.Equal(SeedPatients.ById.Count, patients.Total);
        Assert.All(patients.Entry!, e => Assert.Equal("2026-06-15T09:00:00Z", e.Resource!.Meta!.LastUpdated.ToString()));
    }

    [Theory]
    [InlineData("Observation")]
    [InlineData("MedicationStatement")]
    [InlineData("Condition")]
    [InlineData("MedicationRequest")]
    [InlineData("Procedure")]
    [InlineData("Patient")]
    public async Task EveryDate_MovesByThePatientsDays_KeepingPrecisionAndTimeOfDay(string type)
    {
        var shifted = (await fixture.Shifted.SearchAsync($"fhir/{type}?_count=500")).Entry!.ToDictionary(e => e.Resource!.Id!, e => e.Resource!);
        var written = (await fixture.AsWritten.SearchAsync($"fhir/{type}?_count=500")).Entry!.Select(e => e.Resource!).ToList();
        var compared = 0;

        foreach (var original in written)
        {
            var patientId = PatientOf(original);
            var days = Today.DayNumber - DateOnly.FromDateTime(SeedPatients.Get(patientId).EvaluationTime.UtcDateTime).DayNumber;
            foreach (var (maybeBefore, maybeAfter) in DatesOf(original).Zip(DatesOf(shifted[original.Id!])))
            {
                Assert.Equal(maybeBefore is null, maybeAfter is null);
                if (maybeBefore is not { } before || maybeAfter is not { } after)
                {
                    continue;
                }

                Assert.Equal(before.Precision, after.Precision);
                Assert.Equal(before.ToDateOnly()!.Value.AddDays(days), after.ToDateOnly());
                Assert.Equal(before.ToString()[Math.Min(10, before.ToString().Length)..], after.ToString()[Math.Min(10, after.ToString().Length)..]);
                compared++;
            }
        }

        Assert.True(compared >= written.Count, $"only {compared} dates compared");
    }

    [Fact]
    public async Task FourDigitCodes_AreNotShifted()
    {
        const string Cisplatin = "http://www.nlm.nih.gov/research/umls/rxnorm|2555";
        var expected = SeedPatients.ById.Values.SelectMany(s => s.Resources).OfType<MedicationStatement>()
            .Count(m => m.MedicationCodeableConcept?.Coding?.Any(c => c.Code == "2555") == true);

        var bundle = await fixture.Shifted.SearchAsync($"fhir/MedicationStatement?code={Cisplatin}");

        Assert.True(expected > 0);
        Assert.Equal(expected, bundle.Total);
        Assert.All(bundle.Entry!, e => Assert.Contains(((MedicationStatement)e.Resource!).MedicationCodeableConcept!.Coding!, c => c.Code == "2555"));
    }

    [Fact]
    public async Task AgeInWholeYears_AtToday_EqualsAgeAtTheOriginalEvaluationDate()
    {
        var patients = await fixture.Shifted.SearchAsync("fhir/Patient?_count=500");

        Assert.All(patients.Entry!.Select(e => (Patient)e.Resource!), patient =>
        {
            var seed = SeedPatients.Get(patient.Id!);
            var evaluated = DateOnly.FromDateTime(seed.EvaluationTime.UtcDateTime);
            Assert.Equal(Age(seed.Patient.BirthDate!.Value.ToDateOnly()!.Value, evaluated), Age(patient.BirthDate!.Value.ToDateOnly()!.Value, Today));
        });
    }

    [Fact]
    public void DraftOrders_MoveWithTheirPatient()
    {
        var store = fixture.Shifted.Services.GetRequiredService<DemoFhirStore>();

        var drafts = store.Patients.Single(p => p.Id == "crohns-v5").DraftOrders;

        var draft = FhirJson.Deserialize<MedicationRequest>(Assert.Single(drafts));
        Assert.Equal("2026-06-15", draft.AuthoredOn.ToString()); // written 2025-03-17, the vignette's evaluation date
        Assert.Equal("crohns-v5-mr-ifx-stop", draft.Id);
    }

    [Fact]
    public async Task PartialPrecisionValues_KeepTheirPrecision()
    {
        using var edge = EdgePatients.Create();
        await using var host = await DemoFhirHost.StartAsync(
            new Dictionary<string, string?> { ["Demo:PatientsDirectory"] = edge.Directory },
            now: new DateTimeOffset(2024, 6, 1, 20, 0, 0, TimeSpan.Zero)); // 366 days after the edge bundle's 2023-06-01

        var patient = await host.GetAsync<Patient>("fhir/Patient/edge-1");
        var year = await host.GetAsync<Observation>("fhir/Observation/obs-year");
        var month = await host.GetAsync<Observation>("fhir/Observation/obs-month");
        var offset = await host.GetAsync<Observation>("fhir/Observation/obs-offset");
        var onset = await host.GetAsync<Condition>("fhir/Condition/cond-period");
        var request = await host.GetAsync<MedicationRequest>("fhir/MedicationRequest/mr-evening");
        var draft = host.Services.GetRequiredService<DemoFhirStore>().Patients.Single().DraftOrders.Single();

        Assert.Equal("1991", patient.BirthDate.ToString());                    // 1990-01-01 + 366 = 1991-01-02
        Assert.Equal("2023", year.EffectiveDateTime.ToString());               // 2022-01-01 + 366 = 2023-01-02
        Assert.Equal("2024-03", month.EffectiveDateTime.ToString());           // 2023-03-01 + 366 = 2024-03-01
        Assert.Equal("2024-04-01T00:30:00+02:00", offset.EffectiveDateTime.ToString());
        Assert.Equal("2021-11", onset.OnsetPeriod!.Start.ToString());          // 2020-11-01 + 366 = 2021-11-02
        Assert.Equal("2022-01-16", onset.OnsetPeriod.End.ToString());
        Assert.Equal("2024-05-31T16:00:00-08:00", request.AuthoredOn.ToString());
        Assert.Equal("2024-06-01T09:00:00Z", patient.Meta!.LastUpdated.ToString());
        Assert.Equal("2024-06-01", draft.GetProperty("authoredOn").GetString());
    }

    private static int Age(DateOnly birth, DateOnly on)
        => on.Year - birth.Year - (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? 1 : 0);

    private static string PatientOf(Resource resource) => resource switch
    {
        Patient p => p.Id!,
        Observation o => o.Subject!.ReferenceValue!,
        MedicationStatement m => m.Subject!.ReferenceValue!,
        MedicationRequest m => m.Subject!.ReferenceValue!,
        Condition c => c.Subject!.ReferenceValue!,
        Procedure p => p.Subject!.ReferenceValue!,
        _ => throw new ArgumentException(resource.ResourceType),
    } is var reference && reference.StartsWith("Patient/", StringComparison.Ordinal) ? reference["Patient/".Length..] : reference;

    private static FhirDateTime?[] DatesOf(Resource resource)
    {
        return resource switch
        {
            Patient p => [p.BirthDate],
            Observation o => [o.EffectiveDateTime, o.EffectivePeriod?.Start, o.EffectivePeriod?.End, o.Issued],
            MedicationStatement m => [m.EffectiveDateTime, m.EffectivePeriod?.Start, m.EffectivePeriod?.End, m.DateAsserted],
            MedicationRequest m => [m.AuthoredOn],
            Condition c => [c.OnsetDateTime, c.AbatementDateTime, c.RecordedDate, c.OnsetPeriod?.Start],
            Procedure p => [p.PerformedDateTime, p.PerformedPeriod?.Start, p.PerformedPeriod?.End],
            _ => [],
        };
    }
}
