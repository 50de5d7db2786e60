using System.Text.Json.Nodes;
using CdsHooks.Fhir.Model;
using CdsHooks.Service.Demo;

namespace CdsHooks.Service.Tests.Demo;

public sealed class DemoDateShifterTests
{
    [Theory]
    [InlineData("2023", 366, "2024")]                // 2023-01-01 + 366 = 2024-01-02: still a year
    [InlineData("2023", 364, "2023")]                // 2023-12-31: same year
    [InlineData("2023-03", 366, "2024-03")]          // 2024-03-01
    [InlineData("2023-12", 31, "2024-01")]           // 2024-01-01
    [InlineData("2024-02", -1, "2024-01")]           // 2024-01-31
    [InlineData("2024-02-28", 1, "2024-02-29")]      // leap day
    [InlineData("2023-02-28", 1, "2023-03-01")]
    [InlineData("2024-03-11", -70, "2024-01-01")]
    [InlineData("2024-03-11T09:00:00Z", 1191, "2027-06-15T09:00:00Z")]
    [InlineData("2024-04-11T06:00:00.123+05:30", 2, "2024-04-13T06:00:00.123+05:30")]
    [InlineData("2024-04-11T23:59:59-11:00", 1, "2024-04-12T23:59:59-11:00")]
    [InlineData("2019-05-03T10:00:00", 10, "2019-05-13T10:00:00")]
    public void Shift_KeepsPrecisionTimeAndOffset(string value, int days, string expected)
        => Assert.Equal(expected, DemoDateShifter.Shift(FhirDateTime.Parse(value), days));

    [Fact]
    public void Shift_BeyondYear9999_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => DemoDateShifter.Shift(FhirDateTime.Parse("9999-12-31"), 1));

    [Theory]
    [InlineData("2024-03-11T09:00:00Z", "2026-06-15", 826)]
    [InlineData("2024-03-11T23:30:00-05:00", "2024-03-11", 0)]   // the date as written, not its UTC date
    [InlineData("2024-03-11", "2024-03-01", -10)]
    public void DaysUntil_CountsCalendarDaysFromTheWrittenDate(string timestamp, string today, int expected)
        => Assert.Equal(expected, DemoDateShifter.DaysUntil(FhirDateTime.Parse(timestamp), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ShiftInPlace_MovesDateElementsOnly()
    {
        var tree = JsonNode.Parse("""
        {
          "resourceType": "Bundle", "timestamp": "2024-03-11T09:00:00Z",
          "entry": [
            { "resource": {
                "resourceType": "MedicationStatement", "id": "2019",
                "medicationCodeableConcept": { "coding": [ { "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "2019", "display": "2019" } ], "text": "2019-03" },
                "effectivePeriod": { "start": "2019", "end": "2019-03-04" },
                "dateAsserted": "2024-03-11",
                "note": [ { "text": "started 2019-03-04", "time": "2019-03-04T10:00:00+01:00" } ],
                "dosage": [ { "timing": { "event": [ "2019-03-04", "2019-03-05" ], "repeat": { "boundsPeriod": { "start": "2019-03" } } } } ],
                "extension": [ { "url": "http://example.org/x", "valueDateTime": "2019-03-04" }, { "url": "http://example.org/y", "valueString": "2019" } ],
                "_dateAsserted": { "extension": [ { "url": "http://example.org/z", "valueCode": "2019" } ] }
            } },
            { "resource": { "resourceType": "Patient", "id": "p", "birthDate": "1990", "identifier": [ { "value": "2019", "period": { "start": "2019-01-01" } } ] } }
          ]
        }
        """);

        DemoDateShifter.ShiftInPlace(tree, 10);

        var statement = tree!["entry"]![0]!["resource"]!;
        Assert.Equal("2024-03-21T09:00:00Z", (string?)tree["timestamp"]);
        Assert.Equal("2019", (string?)statement["id"]);
        Assert.Equal("2019", (string?)statement["medicationCodeableConcept"]!["coding"]![0]!["code"]);
        Assert.Equal("2019", (string?)statement["medicationCodeableConcept"]!["coding"]![0]!["display"]);
        Assert.Equal("2019-03", (string?)statement["medicationCodeableConcept"]!["text"]);
        Assert.Equal("2019", (string?)statement["effectivePeriod"]!["start"]);          // 2019-01-11: still 2019
        Assert.Equal("2019-03-14", (string?)statement["effectivePeriod"]!["end"]);
        Assert.Equal("2024-03-21", (string?)statement["dateAsserted"]);
        Assert.Equal("started 2019-03-04", (string?)statement["note"]![0]!["text"]);
        Assert.Equal("2019-03-14T10:00:00+01:00", (string?)statement["note"]![0]!["time"]);
        Assert.Equal("2019-03-14", (string?)statement["dosage"]![0]!["timing"]!["event"]![0]);
        Assert.Equal("2019-03-15", (string?)statement["dosage"]![0]!["timing"]!["event"]![1]);
        Assert.Equal("2019-03", (string?)statement["dosage"]![0]!["timing"]!["repeat"]!["boundsPeriod"]!["start"]);
        Assert.Equal("2019-03-14", (string?)statement["extension"]![0]!["valueDateTime"]);
        Assert.Equal("2019", (string?)statement["extension"]![1]!["valueString"]);
        Assert.Equal("2019", (string?)statement["_dateAsserted"]!["extension"]![0]!["valueCode"]);
        var patient = tree["entry"]![1]!["resource"]!;
        Assert.Equal("1990", (string?)patient["birthDate"]);
        Assert.Equal("2019", (string?)patient["identifier"]![0]!["value"]);
        Assert.Equal("2019-01-11", (string?)patient["identifier"]![0]!["period"]!["start"]);
    }

    [Fact]
    public void ShiftInPlace_LeavesInvalidDatesForTheReaderToReport()
    {
        var tree = JsonNode.Parse("""{ "resourceType": "Patient", "birthDate": "1990-02-30", "deceasedDateTime": 2019 }""");

        DemoDateShifter.ShiftInPlace(tree, 400);

        Assert.Equal("1990-02-30", (string?)tree!["birthDate"]);
        Assert.Equal(2019, (int?)tree["deceasedDateTime"]);
    }

    [Fact]
    public void ShiftInPlace_ZeroDays_ChangesNothing()
    {
        const string Json = """{"resourceType":"Observation","effectiveDateTime":"2019-03-04"}""";
        var tree = JsonNode.Parse(Json);

        DemoDateShifter.ShiftInPlace(tree, 0);

        Assert.Equal(Json, tree!.ToJsonString());
    }
}
