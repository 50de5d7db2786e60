using CdsHooks.Service.Errors;
using Microsoft.Net.Http.Headers;

namespace CdsHooks.Service.Endpoints;

/// <summary>Which declared body types the CDS endpoints read.</summary>
internal static class JsonRequestBody
{
    /// <summary>
    /// Accepts <c>application/json</c> and <c>application/fhir+json</c> (the spec names no request media type, and
    /// clients send either), or no Content-Type at all; anything else is a 415.
    /// </summary>
    public static void EnsureJson(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !(media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("application/fhir+json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("application/json+fhir", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UnsupportedMediaTypeException();
        }
    }
}
