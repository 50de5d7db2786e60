using System.Globalization;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Service.Demo;

/// <summary>
/// The demo endpoint's small write path, on only with <c>Demo:AllowWrites</c>: create, update and delete of the orders a
/// demo EHR places (MedicationRequest, ServiceRequest) for a demo patient, so that accepting a card's suggestion changes
/// what the chart shows. <c>POST /demo/api/reset</c> forgets every write.
/// </summary>
internal static class DemoFhirWriteEndpoints
{
    /// <summary>The resource types that may be written.</summary>
    public static readonly IReadOnlyList<string> WritableTypes = [MedicationRequest.TypeName, ServiceRequest.TypeName];

    /// <summary>Maps <c>POST [base]/[type]</c>, <c>PUT [base]/[type]/[id]</c> and <c>DELETE [base]/[type]/[id]</c>.</summary>
    /// <param name="group">The <c>/fhir</c> group.</param>
    /// <returns>The same group.</returns>
    public static RouteGroupBuilder MapDemoFhirWrites(this RouteGroupBuilder group)
    {
        group.MapPost("{type}", CreateAsync).WithName("DemoFhirCreate").WithSummary("Create an order (demo write path)");
        group.MapPut("{type}/{id}", UpdateAsync).WithName("DemoFhirUpdate").WithSummary("Update an order (demo write path)");
        group.MapDelete("{type}/{id}", Delete).WithName("DemoFhirDelete").WithSummary("Delete an order (demo write path)");
        return group;
    }

    private static async Task<FhirResult> CreateAsync(string type, HttpContext http, DemoFhirStore store, TimeProvider time)
    {
        var resource = await ReadAsync(type, http).ConfigureAwait(false);
        var id = "demo-" + Guid.NewGuid().ToString("N")[..12];
        var stored = Stamp(resource with { Id = id }, time);
        store.Put(stored);
        http.Response.Headers.Location = $"{http.Request.PathBase}{DemoFhirEndpoints.BasePath}/{type}/{id}";
        return new FhirResult(stored, StatusCodes.Status201Created);
    }

    private static async Task<FhirResult> UpdateAsync(string type, string id, HttpContext http, DemoFhirStore store, TimeProvider time)
    {
        var resource = await ReadAsync(type, http).ConfigureAwait(false);
        if (resource.Id != id)
        {
            throw DemoFhirRequestException.Invalid($"The body's id must be '{id}', the id in the URL.");
        }

        bool replaced = store.Put(Stamp(resource, time));
        return new FhirResult(store.TryRead(type, id, out var stored) ? stored : resource, replaced ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.NoContent Delete(string type, string id, DemoFhirStore store)
    {
        Writable(type);
        store.Delete(type, id);
        return TypedResults.NoContent(); // FHIR R4 delete: 204 whether or not it existed
    }

    private static async Task<Resource> ReadAsync(string type, HttpContext http)
    {
        Writable(type);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        Resource resource;
        try
        {
            resource = FhirJson.DeserializeResource(buffer.ToArray());
        }
        catch (FhirJsonException ex)
        {
            throw DemoFhirRequestException.Invalid($"The body is not a valid FHIR R4 resource: {ex.Message}");
        }

        if (resource.ResourceType != type)
        {
            throw DemoFhirRequestException.Invalid($"The body is a {resource.ResourceType}; this URL takes a {type}.");
        }

        var subject = resource switch
        {
            MedicationRequest m => m.Subject?.ReferenceValue,
            ServiceRequest s => s.Subject?.ReferenceValue,
            _ => null,
        };
        var store = http.RequestServices.GetRequiredService<DemoFhirStore>();
        return subject is not null && subject.StartsWith("Patient/", StringComparison.Ordinal) && store.TryRead(Patient.TypeName, subject["Patient/".Length..], out _)
            ? resource
            : throw DemoFhirRequestException.Invalid("An order written to the demo endpoint needs a subject that is a demo Patient (Patient/[id]).");
    }

    private static void Writable(string type)
    {
        if (!WritableTypes.Contains(type))
        {
            throw new DemoFhirRequestException(StatusCodes.Status405MethodNotAllowed, "not-supported", DemoFhirErrorCodes.MethodNotAllowed,
                $"The demo endpoint writes orders only ({string.Join(", ", WritableTypes)}); '{type}' is read-only.");
        }
    }

    // A server stamps what it stores.
    private static Resource Stamp(Resource resource, TimeProvider time)
    {
        var now = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return FhirDateTime.TryParse(now, out var stamp)
            ? resource with { Meta = (resource.Meta ?? new Meta()) with { LastUpdated = stamp } }
            : resource;
    }
}
