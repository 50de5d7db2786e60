using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CdsHooks.Service.Demo;

/// <summary>
/// The read-only demo FHIR R4 endpoint at <c>/fhir</c>: metadata, read, and search by GET or
/// <c>POST _search</c> (the CDS Hooks sandbox tries POST first). Every answer, errors included, is FHIR JSON.
/// </summary>
internal static class DemoFhirEndpoints
{
    /// <summary>Where the endpoint is mapped.</summary>
    public const string BasePath = "/fhir";

    private const string SupportedInteractions = "GET [base]/metadata, GET [base]/[type]/[id], GET [base]/[type]?params, POST [base]/[type]/_search";

    /// <summary>Maps <c>/fhir</c> when <c>Demo:Enabled</c> is true; maps nothing otherwise (so <c>/fhir</c> is a 404).</summary>
    /// <param name="endpoints">The route builder (the app).</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapDemoFhir(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoFhirEndpoints).FullName!);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            DemoFhirLog.Disabled(logger, DemoOptions.SectionName);
            return endpoints;
        }

        var group = endpoints.MapGroup(BasePath).WithTags("Demo FHIR").AddEndpointFilter(RejectAsOperationOutcomeAsync);
        group.MapGet("metadata", GetCapabilities).WithName("DemoFhirCapabilities").WithSummary("CapabilityStatement of the demo FHIR endpoint");
        group.MapGet("{type}", Search).WithName("DemoFhirSearch").WithSummary("Search a resource type (searchset Bundle)");
        group.MapMethods("{type}/_search", [HttpMethods.Get, HttpMethods.Post], SearchByPostAsync)
            .WithName("DemoFhirSearchPost").WithSummary("Search with form-encoded parameters");
        group.MapGet("{type}/{id}", Read).WithName("DemoFhirRead").WithSummary("Read one resource");
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.AllowWrites)
        {
            group.MapDemoFhirWrites();
        }

        group.MapFallback("{**path}", Unsupported).WithName("DemoFhirUnsupported").WithSummary("Any other method or path: 405 or 400");
        DemoFhirLog.Mapped(logger, BasePath);
        return endpoints;
    }

    private static FhirResult GetCapabilities(HttpRequest request, TimeProvider time, IOptions<DemoOptions> options)
        => new(CapabilityStatementWriter.Write(BaseUrl(request), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), options.Value.AllowWrites));

    private static FhirResult Read(string type, string id, HttpRequest request, DemoFhirStore store)
    {
        var definition = Resolve(type);
        return store.TryRead(definition.Type, id, out var resource)
            ? new FhirResult(resource)
            : throw new DemoFhirRequestException(StatusCodes.Status404NotFound, "not-found", DemoFhirErrorCodes.NotFound,
                $"{type}/{id} is not a known demo resource.");
    }

    private static FhirResult Search(string type, HttpRequest request, DemoFhirStore store, IOptions<DemoOptions> options)
        => RunSearch(type, request.Query, request, store, options.Value);

    private static async Task<FhirResult> SearchByPostAsync(string type, HttpRequest request, DemoFhirStore store, IOptions<DemoOptions> options, CancellationToken cancellationToken)
    {
        var definition = Resolve(type);
        IEnumerable<KeyValuePair<string, StringValues>> parameters = request.Query;
        if (request.HasFormContentType)
        {
            parameters = parameters.Concat(await request.ReadFormAsync(cancellationToken).ConfigureAwait(false));
        }
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            throw new DemoFhirRequestException(StatusCodes.Status415UnsupportedMediaType, "not-supported", DemoFhirErrorCodes.UnsupportedMediaType,
                "A _search body must be application/x-www-form-urlencoded.");
        }

        return RunSearch(definition.Type, parameters, request, store, options.Value);
    }

    private static FhirResult RunSearch(string type, IEnumerable<KeyValuePair<string, StringValues>> parameters, HttpRequest request, DemoFhirStore store, DemoOptions options)
    {
        var search = SearchRequestParser.Parse(Resolve(type), parameters, options);
        return new FhirResult(SearchBundleWriter.Write(search, DemoFhirSearch.Execute(store, search), BaseUrl(request)));
    }

    private static FhirResult Unsupported(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            throw DemoFhirRequestException.NotSupported(DemoFhirErrorCodes.MethodNotAllowed,
                $"This interaction is not supported by the read-only demo endpoint; supported: {SupportedInteractions}.");
        }

        var isSearch = context.Request.Path.Value?.EndsWith("/_search", StringComparison.Ordinal) == true;
        context.Response.Headers.Allow = isSearch ? "GET, POST" : "GET";
        throw new DemoFhirRequestException(StatusCodes.Status405MethodNotAllowed, "not-supported", DemoFhirErrorCodes.MethodNotAllowed,
            $"The demo FHIR endpoint is read-only: {context.Request.Method} is not allowed here; supported: {SupportedInteractions}.");
    }

    private static ResourceSearchDefinition Resolve(string type)
        => DemoSearchCatalog.TryGet(type, out var definition)
            ? definition
            : throw DemoFhirRequestException.NotSupported(DemoFhirErrorCodes.UnsupportedType,
                $"The resource type '{type}' is not served by the demo endpoint; supported types: {string.Join(", ", DemoSearchCatalog.Types)}.");

    /// <summary>The absolute FHIR base URL of the demo endpoint on this host (a SMART launch's <c>iss</c> names it too).</summary>
    public static string BaseUrl(HttpRequest request)
        => UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, BasePath);

    // The one place this feature turns its errors into responses.
    private static async ValueTask<object?> RejectAsOperationOutcomeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (DemoFhirRequestException ex)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoFhirEndpoints).FullName!);
            DemoFhirLog.RequestRejected(logger, ex.StatusCode, ex.ErrorCode);
            return new FhirResult(ex.ToOutcome(), ex.StatusCode);
        }
    }
}
