namespace CdsHooks.Service.Security;

/// <summary>Which JWKS locations may be fetched: https anywhere, plain http only on loopback (tests and sidecars).</summary>
internal static class JwksUrls
{
    public static bool IsAcceptable(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        && string.IsNullOrEmpty(url.UserInfo);

    /// <summary>
    /// A prefix must reach past the host (<c>https://ehr.example.org/</c> at least), so that it cannot match another
    /// host that merely starts the same (<c>https://ehr.example.org.evil.test</c>).
    /// </summary>
    public static bool IsAcceptablePrefix(string prefix)
    {
        if (!IsAcceptable(prefix))
        {
            return false;
        }

        int authorityStart = prefix.IndexOf("://", StringComparison.Ordinal) + 3;
        return prefix.IndexOf('/', authorityStart) > 0;
    }

    /// <summary>Whether a token's <c>jku</c> is acceptable and starts with one of the prefixes (compared exactly).</summary>
    /// <remarks>The URL is compared in its normalised form, so <c>/jwks/../other</c> cannot climb out of a prefix.</remarks>
    public static bool IsAllowedJku(string jku, IEnumerable<string> prefixes) =>
        IsAcceptable(jku)
        && Uri.TryCreate(jku, UriKind.Absolute, out var url)
        && string.Equals(url.AbsoluteUri, jku, StringComparison.Ordinal)
        && prefixes.Any(p => url.AbsoluteUri.StartsWith(p, StringComparison.Ordinal));
}
