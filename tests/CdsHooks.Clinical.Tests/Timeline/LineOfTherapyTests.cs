using static CdsHooks.Clinical.Tests.ClinicalFixture;

namespace CdsHooks.Clinical.Tests.Timeline;

/// <summary>Line numbering across maintenance, rechallenge and cross-line continuation (oncology histories).</summary>
public class LineOfTherapyTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Sct = "http://snomed.info/sct";
    private const string Worsened = "271299001";

    private static Dictionary<string, int?> Lines(params CdsHooks.Fhir.Model.Resource[] resources) =>
        BuildTimeline(Call(resources, Patient()), AsOf).Episodes.ToDictionary(e => e.Reference["MedicationStatement/".Length..], e => e.Line);

    [Fact]
    public void MaintenanceOfTheSameMechanism_WithoutFailure_StaysInLineOne()
    {
        // Carboplatin + etoposide + durvalumab, then durvalumab maintenance recorded as its own statement.
        var lines = Lines(
            Statement("carbo", "40048", "2024-01-08", "2024-03-13", status: "completed"),
            Statement("etop", "4179", "2024-01-08", "2024-03-13", status: "completed"),
            Statement("durva", "1919503", "2024-01-08", "2024-03-13", status: "completed"),
            Statement("durva-m", "1919503", "2024-04-08", "2024-05-06", outcome: Worsened, outcomeSystem: Sct),
            Statement("topo", "57308", "2024-06-10", status: "active"));
        Assert.Equal(1, lines["durva-m"]);
        Assert.Equal(2, lines["topo"]);
    }

    [Fact]
    public void SameMechanismAfterTheLineFailed_StartsTheNextLine()
    {
        // Paclitaxel-based first line progresses; docetaxel (also a taxane) is second line, not maintenance.
        var lines = Lines(
            Statement("carbo", "40048", "2023-10-09", "2023-12-11", status: "completed"),
            Statement("pacli", "56946", "2023-10-09", "2024-06-03", outcome: Worsened, outcomeSystem: Sct),
            Statement("doce", "72962", "2024-06-20", status: "active"));
        Assert.Equal(1, lines["pacli"]);
        Assert.Equal(2, lines["doce"]);
    }

    [Fact]
    public void ImmunotherapyContinuedAcrossLines_IsANewLine()
    {
        // Cross-line: pembrolizumab kept after extensive progression, ramucirumab added.
        var lines = Lines(
            Statement("pembro", "1547545", "2023-01-09", "2024-05-20", outcome: "progression"),
            Statement("pem", "68446", "2023-01-09", "2024-05-20", outcome: "progression"),
            Statement("pembro2", "1547545", "2024-06-03", status: "active"),
            Statement("ram", "1535922", "2024-06-03", status: "active"));
        Assert.Equal(2, lines["pembro2"]);
        Assert.Equal(2, lines["ram"]);
    }

    [Fact]
    public void RechallengeWithinTheCombinationWindow_AfterFailure_IsStillANewLine()
    {
        var lines = Lines(
            Statement("carbo", "40048", "2024-01-01", "2024-01-10", outcome: "progression"),
            Statement("carbo2", "40048", "2024-01-20", status: "active"));
        Assert.Equal(2, lines["carbo2"]);
    }

    [Fact]
    public void StopForIntolerance_DoesNotEndTheLine()
    {
        // Paclitaxel stopped for a hypersensitivity reaction, replaced by docetaxel: the same line.
        var lines = Lines(
            Statement("pacli", "56946", "2024-01-01", "2024-01-01", outcome: "intolerance"),
            Statement("carbo", "40048", "2024-01-01", "2024-03-01", status: "completed"),
            Statement("doce", "72962", "2024-02-15", "2024-03-01", status: "completed"));
        Assert.Equal(1, lines["doce"]);
    }
}
