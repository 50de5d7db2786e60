using System.Text.Json;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Requests;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// Reads and validates the body of a CDS service call. The body is parsed once into a <see cref="JsonDocument"/>
/// and the <see cref="CdsRequest"/> is built over its elements, without copying FHIR content. Unknown fields are
/// ignored; wrong types, missing required fields and broken invariants are reported as
/// <see cref="InvalidCdsRequestException"/> with a code from <see cref="CdsErrorCodes"/> and the JSON path.
/// </summary>
public static class CdsRequestReader
{
    /// <summary>Reads a request body from a stream with the default limits.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The validated request; dispose it when the request is done.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not a valid CDS Hooks request.</exception>
    public static ValueTask<ParsedCdsRequest> ReadAsync(Stream body, CancellationToken cancellationToken) =>
        ReadAsync(body, CdsRequestReaderOptions.Default, cancellationToken);

    /// <summary>Reads a request body from a stream.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="options">Reading limits.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The validated request; dispose it when the request is done.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not a valid CDS Hooks request.</exception>
    public static async ValueTask<ParsedCdsRequest> ReadAsync(Stream body, CdsRequestReaderOptions options, CancellationToken cancellationToken)
    {
        JsonBody parsed = await JsonBody.ReadAsync(body, options, cancellationToken).ConfigureAwait(false);
        return Build(parsed);
    }

    /// <summary>Reads a request body from UTF-8 bytes with the default limits.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <returns>The validated request; dispose it when the request is done.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not a valid CDS Hooks request.</exception>
    public static ParsedCdsRequest Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, CdsRequestReaderOptions.Default);

    /// <summary>Reads a request body from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <param name="options">Reading limits.</param>
    /// <returns>The validated request; dispose it when the request is done.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not a valid CDS Hooks request.</exception>
    public static ParsedCdsRequest Read(ReadOnlySpan<byte> utf8Json, CdsRequestReaderOptions options) =>
        Build(JsonBody.Read(utf8Json, options));

    /// <summary>Builds and validates a request from an already-parsed root element (e.g. a recorded request).</summary>
    /// <param name="root">The request's root element; the result's elements point into its document.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="InvalidCdsRequestException">The element is not a valid CDS Hooks request.</exception>
    public static CdsRequest FromElement(JsonElement root)
    {
        const string Root = JsonPath.Root;
        JsonFields.EnsureObject(root, Root);

        string hook = JsonFields.RequiredString(root, "hook", Root);
        string hookInstance = JsonFields.RequiredString(root, "hookInstance", Root);
        Uri? fhirServer = ReadFhirServer(root);
        FhirAuthorization? authorization = ReadFhirAuthorization(root, fhirServer);
        JsonElement context = JsonFields.RequiredObject(root, "context", Root);
        IReadOnlyDictionary<string, JsonElement>? prefetch = ReadPrefetch(root);
        JsonElement? extension = JsonFields.OptionalObject(root, "extension", Root);

        return new CdsRequest
        {
            Hook = hook,
            HookInstance = hookInstance,
            FhirServer = fhirServer,
            FhirAuthorization = authorization,
            Context = context,
            Prefetch = prefetch,
            Extension = extension,
        };
    }

    private static ParsedCdsRequest Build(JsonBody parsed)
    {
        try
        {
            return new ParsedCdsRequest(parsed, FromElement(parsed.Document.RootElement));
        }
        catch
        {
            parsed.Dispose();
            throw;
        }
    }

    private static Uri? ReadFhirServer(JsonElement root)
    {
        if (!JsonFields.TryGetValue(root, "fhirServer", out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw JsonFields.WrongType("fhirServer", "a string", value.ValueKind);
        }

        if (!Uri.TryCreate(value.GetString(), UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFhirServer,
                "'fhirServer' must be an absolute http or https URL.",
                "fhirServer");
        }

        // A FHIR base URL is a path; queries are appended to it, so a query string or fragment cannot be kept.
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFhirServer,
                "'fhirServer' must be a FHIR base URL, without a query string, fragment or user information.",
                "fhirServer");
        }

        return uri;
    }

    private static FhirAuthorization? ReadFhirAuthorization(JsonElement root, Uri? fhirServer)
    {
        const string Path = "fhirAuthorization";
        JsonElement? maybe = JsonFields.OptionalObject(root, Path, JsonPath.Root);
        if (maybe is not { } auth)
        {
            return null;
        }

        if (fhirServer is null)
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.FhirAuthorizationWithoutFhirServer,
                "'fhirAuthorization' requires 'fhirServer' (invariant cds-r-1).",
                Path);
        }

        string accessToken = JsonFields.RequiredString(auth, "access_token", Path);
        string tokenType = JsonFields.RequiredString(auth, "token_type", Path);
        if (!string.Equals(tokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFhirAuthorization,
                "'fhirAuthorization.token_type' must be 'Bearer'.",
                "fhirAuthorization.token_type");
        }

        int? expiresIn = JsonFields.OptionalInt32(auth, "expires_in", Path);
        if (expiresIn < 0)
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFhirAuthorization,
                "'fhirAuthorization.expires_in' must not be negative.",
                "fhirAuthorization.expires_in");
        }

        return new FhirAuthorization
        {
            AccessToken = accessToken,
            TokenType = tokenType,
            ExpiresIn = expiresIn,
            Scope = JsonFields.OptionalString(auth, "scope", Path),
            Subject = JsonFields.OptionalString(auth, "subject", Path),
            Patient = JsonFields.OptionalString(auth, "patient", Path),
        };
    }

    private static Dictionary<string, JsonElement>? ReadPrefetch(JsonElement root)
    {
        const string Path = "prefetch";
        JsonElement? maybe = JsonFields.OptionalObject(root, Path, JsonPath.Root);
        if (maybe is not { } prefetch)
        {
            return null;
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty entry in prefetch.EnumerateObject())
        {
            JsonElement value = entry.Value;
            if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                throw JsonFields.WrongType(JsonPath.Property(Path, entry.Name), "a FHIR resource (an object) or null", value.ValueKind);
            }

            result[entry.Name] = value;
        }

        return result;
    }
}
