using System.Globalization;
using CdsHooks.Clinical.Readiness;
using Spectre.Console;

namespace CdsHooks.Cli.Readiness;

/// <summary>The readable form of readiness reports: one table per patient and pack, then a summary over the set.</summary>
internal static class ReadinessTables
{
    public static void Write(IAnsiConsole console, ReadinessSet set, bool allPacks)
    {
        foreach (var report in set.Reports)
        {
            WritePatient(console, report, allPacks);
        }

        if (set.Reports.Count > 1)
        {
            WriteSummary(console, set);
        }
    }

    private static void WritePatient(IAnsiConsole console, ReadinessReport report, bool allPacks)
    {
        string counts = string.Join(", ", report.ResourceCounts.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value}")));
        console.Write(new Rule($"Patient {Markup.Escape(report.PatientId)}").LeftJustified());
        console.WriteLine($"Resources: {counts}");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Validation: {report.Validation.Checked} checked, {report.Validation.Invalid} failing their profile"));
        foreach (string note in report.Notes)
        {
            console.WriteLine("Note: " + note);
        }

        foreach (var pack in report.Packs.Where(p => allPacks || p.InScope != "no"))
        {
            var table = new Table().Title($"{Markup.Escape(pack.Title)} ({Markup.Escape(pack.Pack)}), in scope: {pack.InScope}")
                .AddColumns("Data element", "Role", "ValueSet", "Status", "Resources", "Gaps");
            foreach (var r in pack.Requirements)
            {
                var gaps = r.Elements.Where(e => e.Present < e.Of).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Element} in {e.Present} of {e.Of}"))
                    .Concat(r.Problems.Select(p => $"{p.Reference} {Word(p.Status)}"));
                table.AddRow(Cell(r.Title), Cell(r.Role), Cell(r.ValueSet ?? "-"), Cell(Word(r.Status)), Cell(string.Join(", ", r.Resources)), Cell(string.Join("; ", gaps)));
            }

            console.Write(table);
        }

        var outOfScope = report.Packs.Where(p => p.InScope == "no").Select(p => p.Pack).ToList();
        if (!allPacks && outOfScope.Count > 0)
        {
            console.WriteLine("Not in scope (the patient does not have the disease): " + string.Join(", ", outOfScope));
        }

        if (report.Validation.Issues.Count > 0)
        {
            var issues = new Table().Title("Profile findings").AddColumns("Resource", "Severity", "Location", "Finding");
            foreach (var issue in report.Validation.Issues)
            {
                issues.AddRow(Cell(issue.Reference), Cell(issue.Severity), Cell(issue.Expression ?? ""), Cell($"{issue.Code}: {issue.Diagnostics}"));
            }

            console.Write(issues);
        }

        foreach (var unclassified in report.Unclassified)
        {
            console.WriteLine($"Unclassified: {unclassified.Reference}: {unclassified.Reason}");
        }

        console.WriteLine();
    }

    private static void WriteSummary(IAnsiConsole console, ReadinessSet set)
    {
        var statuses = Enum.GetValues<ReadinessStatus>();
        var table = new Table().Title(string.Create(CultureInfo.InvariantCulture, $"Summary over {set.Patients} patients (patients each pack applies to)"))
            .AddColumns(["Pack", "Data element", "Patients", .. statuses.Select(Word)]);
        foreach (var row in set.Summary)
        {
            table.AddRow([Cell(row.Pack), Cell(row.Title), Cell(row.PatientsInScope.ToString(CultureInfo.InvariantCulture)),
                .. statuses.Select(s => Cell(row.Counts[s].ToString(CultureInfo.InvariantCulture)))]);
        }

        console.Write(table);
    }

    public static string Word(ReadinessStatus status) => status switch
    {
        ReadinessStatus.Present => "present",
        ReadinessStatus.Absent => "absent",
        ReadinessStatus.Uncoded => "uncoded",
        ReadinessStatus.UnexpectedSystem => "unexpected system",
        ReadinessStatus.FailsProfile => "fails profile",
        _ => "not retrieved",
    };

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
