namespace CdsHooks.Clinical.Readiness;

/// <summary>Readiness over a set of patients: per pack and data element, how many in-scope patients fall in each status.</summary>
/// <param name="Patients">How many patients were analysed.</param>
/// <param name="Summary">One row per pack and data element.</param>
/// <param name="Reports">Each patient's report.</param>
public sealed record ReadinessSet(int Patients, IReadOnlyList<ReadinessSummaryRow> Summary, IReadOnlyList<ReadinessReport> Reports)
{
    /// <summary>Aggregates reports: a pack's rows count only the patients it applies to (scope yes or unknown).</summary>
    public static ReadinessSet From(IReadOnlyList<ReadinessReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var rows = new List<ReadinessSummaryRow>();
        var packs = reports.SelectMany(r => r.Packs).Select(p => (p.Pack, p.Title)).Distinct().ToList();
        foreach (var (pack, _) in packs)
        {
            var inScope = reports.Select(r => r.Packs.First(p => p.Pack == pack)).Where(p => p.InScope != "no").ToList();
            if (inScope.Count == 0)
            {
                continue;
            }

            foreach (var requirement in inScope[0].Requirements)
            {
                var statuses = inScope.Select(p => p.Requirements.First(r => r.Role == requirement.Role && r.ValueSet == requirement.ValueSet && r.Title == requirement.Title).Status).ToList();
                rows.Add(new ReadinessSummaryRow(
                    pack,
                    requirement.Title,
                    requirement.Role,
                    requirement.ValueSet,
                    inScope.Count,
                    Enum.GetValues<ReadinessStatus>().ToDictionary(s => s, s => statuses.Count(x => x == s))));
            }
        }

        return new ReadinessSet(reports.Count, rows, reports);
    }
}

/// <summary>One pack's data element across the patients it applies to.</summary>
/// <param name="Pack">Pack id.</param>
/// <param name="Title">The data element.</param>
/// <param name="Role">diagnosis, therapy, result, procedure or demographic.</param>
/// <param name="ValueSet">Its value set id.</param>
/// <param name="PatientsInScope">Patients the pack applies to (scope yes or unknown).</param>
/// <param name="Counts">How many of them fall in each status.</param>
public sealed record ReadinessSummaryRow(string Pack, string Title, string Role, string? ValueSet, int PatientsInScope, IReadOnlyDictionary<ReadinessStatus, int> Counts);
