using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Tests.Demo;

/// <summary>
/// Date search over <see cref="EdgePatients"/> (dates as written). FHIR R4 Search §3.1.1.4.2: both the
/// search value and the resource value are ranges given by their precision.
/// </summary>
public sealed class DemoFhirDateSearchTests(EdgeFhirFixture fixture) : IClassFixture<EdgeFhirFixture>
{
    private readonly DemoFhirHost _host = fixture.Host;

    // Observations: year=2022, month=2023-03, day=2023-03-15, late=2023-03-31T23:30Z,
    // offset=2023-04-01T00:30+02:00 (22:30Z on 31 March), period=2023-02-20..2023-03-10, open=from 2023-05-01, none=no date.
    [Theory]
    [InlineData("2023-03", "day,late,month,offset")]
    [InlineData("eq2023-03", "day,late,month,offset")]
    [InlineData("ne2023-03", "open,period,year")]                      // obs-none has no date: never matches
    [InlineData("lt2023-03", "period,year")]
    [InlineData("le2023-03", "day,late,month,offset,period,year")]
    [InlineData("gt2023-03", "open")]
    [InlineData("ge2023-03", "day,late,month,offset,open")]
    [InlineData("eq2023-03-15", "day")]                                // the month and the period only overlap it
    [InlineData("lt2023-03-15", "month,period,year")]
    [InlineData("gt2023-03-31", "open")]
    [InlineData("eq2023-03-31", "late,offset")]
    [InlineData("eq2023-04-01", "")]                                   // obs-offset is 31 March in UTC
    [InlineData("eq2023", "day,late,month,offset,period")]
    [InlineData("eq2022", "year")]
    [InlineData("ge2023-03-31T23:00:00Z", "late,month,open")]          // March reaches past 23:00:01
    [InlineData("lt2023-04-01T00:00:00%2B02:00", "day,month,period,year")]
    [InlineData("lt2023-04-01T00:00:00+02:00", "day,month,period,year")] // an unencoded '+' arrives as a space
    [InlineData("eq2022,eq2023-03-15", "day,year")]                    // comma = OR
    [InlineData("ge2023-03-01&date=lt2023-04-01", "day,late,month,offset,period")] // repeat = AND
    public async Task ObservationDate_Prefixes(string value, string expected)
    {
        var bundle = await _host.SearchAsync($"fhir/Observation?date={value}");

        Assert.Equal(Expected(expected), DemoFhirHost.Ids(bundle).Select(id => id["obs-".Length..]).Order());
        Assert.Equal(bundle.Entry?.Count ?? 0, bundle.Total);
    }

    [Theory]
    [InlineData("Condition", "onset-date=2021", "cond-year")]
    [InlineData("Condition", "onset-date=eq2021", "cond-year")]                    // the period starts in 2020
    [InlineData("Condition", "onset-date=le2020-12", "cond-period")]
    [InlineData("Condition", "onset-date=ge2021-01-15", "cond-year")]             // the period ends on that day: neither after nor within it
    [InlineData("Condition", "onset-date=ge2021-01-14", "cond-period,cond-year")]
    [InlineData("Condition", "onset-date=gt2021-01-15", "cond-year")]
    [InlineData("Condition", "recorded-date=2021-01", "cond-period")]
    [InlineData("Condition", "recorded-date=lt2021-01-20T08:00:00Z", "")]
    [InlineData("Condition", "recorded-date=le2021-01-20T08:00:00Z", "cond-period")]
    [InlineData("Condition", "recorded-date=ge2021-06", "cond-year")]
    [InlineData("MedicationRequest", "authoredon=2023-06-01", "mr-evening")]         // 16:00 -08:00 is 1 June in UTC
    [InlineData("MedicationRequest", "authoredon=2023-05-31", "")]
    [InlineData("MedicationStatement", "effective=2023-02", "")]                      // January and February: wider than February
    [InlineData("MedicationStatement", "effective=ge2023-02", "")]                    // overlaps February, but neither reaches past it nor lies within it
    [InlineData("MedicationStatement", "effective=ge2023-01", "ms-two-months")]
    [InlineData("MedicationStatement", "effective=le2023-02", "ms-two-months")]
    [InlineData("MedicationStatement", "effective=eq2023", "ms-two-months")]
    [InlineData("MedicationStatement", "effective=gt2023-02-28", "")]
    [InlineData("Procedure", "date=2023-03-15", "proc-morning")]
    [InlineData("Procedure", "date=gt2023-03-15T09:59:59Z", "proc-morning")]
    [InlineData("Procedure", "date=lt2023-03-15T10:00:00Z", "")]
    [InlineData("Patient", "birthdate=1990", "edge-1")]
    [InlineData("Patient", "birthdate=1990-06", "")]                                  // a whole year is not within June
    public async Task OtherDateParameters_UseTheSameRangeSemantics(string type, string query, string expected)
    {
        var bundle = await _host.SearchAsync($"fhir/{type}?{query}");

        Assert.Equal(Expected(expected), DemoFhirHost.Ids(bundle).Order());
    }

    [Fact]
    public async Task TokenWithoutSystem_MatchesOnlyCodingsWithoutSystem()
    {
        var noSystem = await _host.SearchAsync("fhir/Observation?code=|local-1");
        var anySystem = await _host.SearchAsync("fhir/Observation?code=local-1");
        var loincNoSystem = await _host.SearchAsync("fhir/Observation?code=|1988-5");

        Assert.Equal(["obs-month"], DemoFhirHost.Ids(noSystem));
        Assert.Equal(["obs-month"], DemoFhirHost.Ids(anySystem));
        Assert.Equal(0, loincNoSystem.Total);
    }

    [Fact]
    public async Task StatusAndDate_CombineWithAnd()
    {
        var bundle = await _host.SearchAsync("fhir/Observation?status=preliminary,final&status=preliminary&date=ge2023");

        Assert.Equal(["obs-open"], DemoFhirHost.Ids(bundle));
    }

    private static List<string> Expected(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
}
