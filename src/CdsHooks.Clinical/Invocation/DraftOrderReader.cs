using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Hooks;

namespace CdsHooks.Clinical.Invocation;

/// <summary>
/// Reads the orders of an <c>order-select</c>/<c>order-sign</c> context. Unlike prefetch, which the service could fetch
/// again, the draft orders are the subject of the call: one that is not valid FHIR is the client's error (400).
/// </summary>
internal static class DraftOrderReader
{
    private const string Path = "context.draftOrders";

    public static IReadOnlyList<Resource> Read(HookContext context) => context switch
    {
        OrderSelectContext select => Read(select.DraftOrders),
        OrderSignContext sign => Read(sign.DraftOrders),
        _ => [],
    };

    private static IReadOnlyList<Resource> Read(JsonElement bundle)
    {
        SearchSetPage page;
        try
        {
            page = SearchSetReader.Read(bundle);
        }
        catch (FhirJsonException ex)
        {
            throw Invalid(ex.ToError());
        }

        return page.Errors.Count > 0 ? throw Invalid(page.Errors[0]) : page.Resources;
    }

    private static InvalidCdsRequestException Invalid(FhirJsonError error)
    {
        string path = error.Path.StartsWith('$') ? Path + error.Path[1..] : Path;
        return new InvalidCdsRequestException(
            CdsErrorCodes.InvalidHookContext,
            $"'{path}' is not valid FHIR R4: {error.Code}.",
            path);
    }
}
