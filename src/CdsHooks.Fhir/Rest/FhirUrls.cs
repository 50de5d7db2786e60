namespace CdsHooks.Fhir.Rest;

/// <summary>
/// URL rules for talking to one FHIR server: where a relative URL lands, and which URLs count as "under
/// the base URL" (the only ones that get the bearer token).
/// </summary>
internal static class FhirUrls
{
    /// <summary>The label used when a URL names no resource type (e.g. a server's opaque paging URL).</summary>
    public const string UnknownResourceType = "unknown";

    /// <summary>Checks the base URL and gives it a trailing slash, so relative URLs resolve below it.</summary>
    public static Uri NormalizeBase(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The FHIR base URL must be an absolute http or https URL.", nameof(baseUrl));
        }

        if (baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException("The FHIR base URL must have no query or fragment.", nameof(baseUrl));
        }

        var text = baseUrl.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? new Uri(text) : new Uri(text + "/");
    }

    /// <summary>Appends a caller's relative URL (e.g. <c>Condition?patient=123</c>) to the base URL.</summary>
    /// <exception cref="ArgumentException">The URL would leave the base URL (absolute, <c>//host</c>, <c>../</c>).</exception>
    public static Uri ResolveRequest(Uri normalizedBase, string relativeUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativeUrl);

        // "Patient/1" and "/Patient/1" both mean "below the base", as FHIR clients conventionally treat them.
        if (!Uri.TryCreate(normalizedBase, relativeUrl.TrimStart('/'), out var url) || !IsUnderBase(normalizedBase, url))
        {
            throw new ArgumentException("The request URL must be relative to the FHIR base URL.", nameof(relativeUrl));
        }

        return url;
    }

    /// <summary>Resolves a <c>next</c> link, absolute or relative to the base URL (RFC 3986 reference resolution).</summary>
    public static bool TryResolveLink(Uri normalizedBase, string link, out Uri url)
    {
        if (!string.IsNullOrWhiteSpace(link) && Uri.TryCreate(normalizedBase, link, out var resolved)
            && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps))
        {
            url = resolved;
            return true;
        }

        url = normalizedBase;
        return false;
    }

    /// <summary>Same scheme, host, port and user info as the base URL, and a path at or below its path.</summary>
    public static bool IsUnderBase(Uri normalizedBase, Uri url)
    {
        if (!url.IsAbsoluteUri
            || !string.Equals(url.Scheme, normalizedBase.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(url.Host, normalizedBase.Host, StringComparison.OrdinalIgnoreCase)
            || url.Port != normalizedBase.Port
            || !string.Equals(url.UserInfo, normalizedBase.UserInfo, StringComparison.Ordinal))
        {
            return false;
        }

        // Uri has already removed dot segments, so "/fhir/../admin" arrives here as "/admin".
        var basePath = normalizedBase.AbsolutePath;
        var path = url.AbsolutePath;
        return path.StartsWith(basePath, StringComparison.Ordinal)

               // Paging URLs such as "{base}?_getpages=..." sit at the base itself.
               || string.Equals(path + "/", basePath, StringComparison.Ordinal);
    }

    /// <summary>The server as <c>scheme://host:port</c>: what logs and messages may name.</summary>
    public static string Authority(Uri url) => $"{url.Scheme}://{url.Host}:{url.Port}";

    /// <summary>The resource type a URL under the base addresses (its first path segment below the base), if it names one.</summary>
    public static string ResourceTypeOf(Uri normalizedBase, Uri url, string fallback)
    {
        var path = url.AbsolutePath;
        if (!path.StartsWith(normalizedBase.AbsolutePath, StringComparison.Ordinal))
        {
            return fallback;
        }

        var rest = path.AsSpan(normalizedBase.AbsolutePath.Length);
        var slash = rest.IndexOf('/');
        var segment = slash < 0 ? rest : rest[..slash];
        return IsResourceTypeName(segment) ? segment.ToString() : fallback;
    }

    // FHIR resource type names are ASCII letters starting upper case; anything else ("$everything",
    // "_history", an id) is not logged as a type.
    private static bool IsResourceTypeName(ReadOnlySpan<char> segment)
    {
        if (segment.Length is 0 or > 64 || !char.IsAsciiLetterUpper(segment[0]))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
