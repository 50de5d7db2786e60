using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CdsHooks.Service.Smart;

/// <summary>
/// The demo-mode SMART authorization server's state, in memory: launches, single-use codes and access tokens, each with
/// a short lifetime from the injected clock. A restart forgets everything, which is what a demo wants.
/// </summary>
internal sealed class SmartAuthorizationStore(TimeProvider time)
{
    /// <summary>How long a registered launch waits for the app.</summary>
    public static readonly TimeSpan LaunchLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long an authorization code may be exchanged.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);

    /// <summary>How long an access token lives.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, SmartLaunch> _launches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SmartCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SmartToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>Registers a launch and returns its opaque id.</summary>
    public string RegisterLaunch(string patientId, string? appContext)
    {
        Prune();
        string id = NewSecret();
        _launches[id] = new SmartLaunch(patientId, appContext, time.GetUtcNow() + LaunchLifetime);
        return id;
    }

    /// <summary>Finds an unexpired launch.</summary>
    public bool TryGetLaunch(string id, [NotNullWhen(true)] out SmartLaunch? launch)
        => _launches.TryGetValue(id, out launch) && launch.Expires > time.GetUtcNow() || Fail(out launch);

    /// <summary>Issues a code for an authorized launch.</summary>
    public string IssueCode(SmartLaunch launch, string clientId, string redirectUri, string codeChallenge, string scope)
    {
        string code = NewSecret();
        _codes[code] = new SmartCode(launch, clientId, redirectUri, codeChallenge, scope, time.GetUtcNow() + CodeLifetime);
        return code;
    }

    /// <summary>Takes a code out of the store (codes are single use); false when unknown or expired.</summary>
    public bool TryRedeemCode(string code, [NotNullWhen(true)] out SmartCode? grant)
        => _codes.TryRemove(code, out grant) && grant.Expires > time.GetUtcNow() || Fail(out grant);

    /// <summary>Issues an access token.</summary>
    public string IssueToken(string patientId, string scope)
    {
        string token = NewSecret();
        _tokens[token] = new SmartToken(patientId, scope, time.GetUtcNow() + TokenLifetime);
        return token;
    }

    /// <summary>Finds an unexpired access token.</summary>
    public bool TryGetToken(string token, [NotNullWhen(true)] out SmartToken? grant)
        => _tokens.TryGetValue(token, out grant) && grant.Expires > time.GetUtcNow() || Fail(out grant);

    private static bool Fail<T>(out T? value)
        where T : class
    {
        value = null;
        return false;
    }

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(24));

    /// <summary>Base64url without padding (RFC 7636 §3).</summary>
    public static string Base64Url(ReadOnlySpan<byte> bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, launch) in _launches)
        {
            if (launch.Expires <= now)
            {
                _launches.TryRemove(key, out _);
            }
        }

        foreach (var (key, code) in _codes)
        {
            if (code.Expires <= now)
            {
                _codes.TryRemove(key, out _);
            }
        }

        foreach (var (key, token) in _tokens)
        {
            if (token.Expires <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }
    }
}
