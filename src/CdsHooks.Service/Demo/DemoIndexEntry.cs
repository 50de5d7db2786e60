using System.Text.Json;

namespace CdsHooks.Service.Demo;

/// <summary>One entry of <c>seeds/patients/index.json</c>, as far as the demo endpoint needs it.</summary>
internal sealed record DemoIndexEntry
{
    /// <summary>The Patient id.</summary>
    public required string PatientId { get; init; }

    /// <summary>The bundle's file name, relative to the index.</summary>
    public required string File { get; init; }

    /// <summary>The disease area.</summary>
    public required string Area { get; init; }

    /// <summary>The vignette label.</summary>
    public required string Vignette { get; init; }

    /// <summary>The one-line summary.</summary>
    public required string Summary { get; init; }

    /// <summary>The draft orders as written (dates not yet shifted).</summary>
    public required IReadOnlyList<JsonElement> DraftOrders { get; init; }

    /// <summary>Reads an entry; a missing or mistyped member is a <see cref="DemoDataException"/>.</summary>
    /// <param name="entry">The JSON object.</param>
    /// <param name="indexPath">The index file, for messages.</param>
    /// <param name="number">The entry's position (from 0), for messages.</param>
    /// <returns>The entry.</returns>
    public static DemoIndexEntry Read(JsonElement entry, string indexPath, int number)
    {
        string Text(string name)
            => entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new DemoDataException(indexPath, $"entry [{number}] needs a non-empty string '{name}'.");

        var file = Text("file");
        if (Path.IsPathRooted(file) || file.Contains("..", StringComparison.Ordinal))
        {
            throw new DemoDataException(indexPath, $"entry [{number}] 'file' must be a file name inside the patients folder.");
        }

        var drafts = entry.TryGetProperty("draftOrders", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Select(x => x.Clone()).ToList()
            : [];
        return new DemoIndexEntry
        {
            PatientId = Text("patientId"),
            File = file,
            Area = Text("area"),
            Vignette = Text("vignette"),
            Summary = Text("summary"),
            DraftOrders = drafts,
        };
    }

    /// <summary>The patient for the store's list.</summary>
    /// <param name="evaluationDate">The (shifted) evaluation date.</param>
    /// <param name="draftOrders">The (shifted) draft orders.</param>
    /// <returns>The patient.</returns>
    public DemoPatient ToPatient(DateOnly? evaluationDate, IReadOnlyList<JsonElement> draftOrders) => new()
    {
        Id = PatientId,
        Area = Area,
        Vignette = Vignette,
        Summary = Summary,
        File = File,
        EvaluationDate = evaluationDate,
        DraftOrders = draftOrders,
    };
}
