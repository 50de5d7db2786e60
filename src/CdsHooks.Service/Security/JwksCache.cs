using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CdsHooks.Service.Security;

/// <summary>
/// Fetched JWKS documents by URL, kept for <see cref="CdsAuthenticationOptions.JwksCacheDuration"/>. An unknown
/// <c>kid</c> triggers one refetch (a client rotating keys), but no more often than
/// <see cref="CdsAuthenticationOptions.JwksMinimumRefreshInterval"/> per URL.
/// </summary>
internal sealed partial class JwksCache(
    IHttpClientFactory httpClients,
    IOptions<CdsAuthenticationOptions> options,
    TimeProvider time,
    ILogger<JwksCache> logger)
{
    public const string HttpClientName = "jwks";

    // A JWKS is a few keys; anything much larger is not one.
    private const int MaxDocumentBytes = 256 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The key with <paramref name="kid"/> from the JWKS at <paramref name="url"/>, or null.</summary>
    public async Task<JsonWebKey?> FindKeyAsync(string url, string kid, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(url, _ => new Entry());
        var now = time.GetUtcNow();
        var snapshot = entry.Keys;
        if (snapshot is not null && now < entry.FetchedAt + options.Value.JwksCacheDuration && Find(snapshot, kid) is { } cached)
        {
            return cached;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            now = time.GetUtcNow();
            bool fresh = entry.Keys is not null && now < entry.FetchedAt + options.Value.JwksCacheDuration;
            if (fresh && Find(entry.Keys!, kid) is { } found)
            {
                return found;
            }

            // Failed fetches count too, so an unreachable JWKS is not hammered; stale keys serve until a fetch works.
            bool mayRefetch = entry.AttemptedAt is null || now >= entry.AttemptedAt + options.Value.JwksMinimumRefreshInterval;
            if (mayRefetch)
            {
                entry.AttemptedAt = now;
                if (await FetchAsync(url, cancellationToken).ConfigureAwait(false) is { } fetched)
                {
                    entry.Keys = fetched;
                    entry.FetchedAt = now;
                    LogFetched(logger, url, fetched.Count);
                }
            }

            return entry.Keys is null ? null : Find(entry.Keys, kid);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static JsonWebKey? Find(IReadOnlyList<JsonWebKey> keys, string kid) =>
        keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal) && k.Use is null or "sig");

    private async Task<IReadOnlyList<JsonWebKey>?> FetchAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFetchFailed(logger, url, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                LogFetchFailed(logger, url, "document too large");
                return null;
            }

            string json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (json.Length > MaxDocumentBytes)
            {
                LogFetchFailed(logger, url, "document too large");
                return null;
            }

            return new JsonWebKeySet(json).Keys.ToList();
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFetchFailed(logger, url, ex.GetType().Name);
            return null;
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IReadOnlyList<JsonWebKey>? Keys { get; set; }

        public DateTimeOffset FetchedAt { get; set; }

        public DateTimeOffset? AttemptedAt { get; set; }
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "JWKS fetched from {JwksUrl}: {KeyCount} keys")]
    private static partial void LogFetched(ILogger logger, string jwksUrl, int keyCount);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "JWKS could not be fetched from {JwksUrl}: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string jwksUrl, string reason);
}
