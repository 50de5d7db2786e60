using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Service.Demo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdsHooks.Service.DemoPage;

/// <summary>
/// The demo EHR page's own API under <c>/demo/api</c>: the patient list, a patient's chart (from the engine's timeline),
/// the drugs of the order form, safe rendering of card markdown, and a reset of the demo data. The page calls the CDS
/// services themselves exactly as an EHR would, at <c>/cds-services</c>.
/// </summary>
internal static class DemoPageEndpoints
{
    /// <summary>The largest markdown request rendered (card details are a few kilobytes).</summary>
    public const int MaxMarkdownBytes = 1024 * 1024;

    private static readonly Dictionary<string, string> AreaTitles = new(StringComparer.Ordinal)
    {
        ["crohns"] = "Crohn's disease",
        ["lung"] = "Lung cancer",
        ["crc"] = "Colorectal liver metastases",
        ["sle"] = "Systemic lupus erythematosus",
        ["cart"] = "CAR-T for B-cell malignancies",
    };

    public static IEndpointRouteBuilder MapDemoPageApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/demo/api").WithTags("Demo page");
        group.MapGet("patients", ListPatients).WithName("DemoPatients").WithSummary("The demo patients with their disease areas");
        group.MapGet("patients/{id}/chart", GetChart).WithName("DemoChart").WithSummary("A patient's chart, from the engine's timeline");
        group.MapGet("drugs", ListDrugs).WithName("DemoDrugs").WithSummary("The drugs the order form offers");
        group.MapPost("markdown", RenderMarkdownAsync).WithName("DemoMarkdown").WithSummary("Card detail markdown as safe HTML");
        group.MapPost("reset", Reset).WithName("DemoReset").WithSummary("Forgets the orders written by the demo page");
        return routes;
    }

    private static JsonHttpResult<IReadOnlyList<DemoPatientSummary>> ListPatients(DemoFhirStore store)
    {
        IReadOnlyList<DemoPatientSummary> patients = store.Patients.Select(p => new DemoPatientSummary(
            p.Id,
            store.TryRead(Patient.TypeName, p.Id, out var r) && r is Patient patient ? PatientChartBuilder.Name(patient) : p.Id,
            p.Area,
            AreaTitles.TryGetValue(p.Area, out var title) ? title : p.Area,
            p.Vignette,
            p.Summary)).ToList();
        return TypedResults.Json(patients, DemoPageJsonContext.Default.IReadOnlyListDemoPatientSummary);
    }

    private static Results<JsonHttpResult<PatientChart>, NotFound> GetChart(string id, PatientChartBuilder charts)
        => charts.Build(id) is { } chart ? TypedResults.Json(chart, DemoPageJsonContext.Default.PatientChart) : TypedResults.NotFound();

    private static JsonHttpResult<IReadOnlyList<DemoDrug>> ListDrugs(DrugCatalog drugs)
        => TypedResults.Json(drugs.Drugs, DemoPageJsonContext.Default.IReadOnlyListDemoDrug);

    private static async Task<Results<JsonHttpResult<MarkdownResponse>, BadRequest>> RenderMarkdownAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxMarkdownBytes)
        {
            return TypedResults.BadRequest();
        }

        MarkdownRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, DemoPageJsonContext.Default.MarkdownRequest, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        return body?.Texts is { } texts
            ? TypedResults.Json(new MarkdownResponse(texts.Select(t => SafeMarkdown.ToHtml(t ?? string.Empty)).ToList()), DemoPageJsonContext.Default.MarkdownResponse)
            : TypedResults.BadRequest();
    }

    private static NoContent Reset(DemoFhirStore store)
    {
        store.Reset();
        return TypedResults.NoContent();
    }
}
