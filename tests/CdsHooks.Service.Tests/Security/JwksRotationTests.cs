using System.Net;
using CdsHooks.Service.Tests.Infrastructure;

namespace CdsHooks.Service.Tests.Security;

/// <summary>Key rotation at a client's JWKS URL: a new kid triggers a refetch; refetches for unknown kids are rate-limited.</summary>
public sealed class JwksRotationTests
{
    [Fact]
    public async Task NewKidAfterRotation_RefetchesTheJwks_AndTheRetiredKeyStopsWorking()
    {
        await using var auth = await AuthenticatedApp.StartAsync(new Dictionary<string, string?> { ["Authentication:JwksMinimumRefreshInterval"] = "00:00:00" });
        using var next = TestSigningKey.Rs("tenant-rs384-2");

        await HttpAssert.CdsResponseAsync(await auth.InvokeAsync(TenantToken(auth, auth.UrlKey)));
        auth.Jwks.Document = TestSigningKey.Jwks(next);
        await HttpAssert.CdsResponseAsync(await auth.InvokeAsync(TenantToken(auth, next)));
        var retired = await auth.InvokeAsync(TenantToken(auth, auth.UrlKey));

        Assert.Equal(HttpStatusCode.Unauthorized, retired.StatusCode);
        Assert.Equal(3, auth.Jwks.Fetches);
    }

    [Fact]
    public async Task ForgedKids_WithinTheRefreshInterval_FetchTheJwksOnce()
    {
        await using var auth = await AuthenticatedApp.StartAsync();
        await HttpAssert.CdsResponseAsync(await auth.InvokeAsync(TenantToken(auth, auth.UrlKey)));

        for (int i = 0; i < 5; i++)
        {
            var jwt = Jwt.ForClient(auth.UrlKey, AuthenticatedApp.TenantIssuer, AuthenticatedApp.Audience(AuthenticatedApp.ServicePath), auth.Now);
            jwt.Claims["tenant"] = AuthenticatedApp.Tenant;
            jwt.Header["kid"] = $"forged-{i}";
            Assert.Equal(HttpStatusCode.Unauthorized, (await auth.InvokeAsync(jwt.Sign(auth.UrlKey))).StatusCode);
        }

        Assert.Equal(1, auth.Jwks.Fetches);
        auth.App.Clock.Set(auth.Now.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await auth.InvokeAsync(ForgedKid(auth))).StatusCode);
        Assert.Equal(2, auth.Jwks.Fetches);
    }

    private static string ForgedKid(AuthenticatedApp auth)
    {
        var jwt = Jwt.ForClient(auth.UrlKey, AuthenticatedApp.TenantIssuer, AuthenticatedApp.Audience(AuthenticatedApp.ServicePath), auth.Now);
        jwt.Claims["tenant"] = AuthenticatedApp.Tenant;
        jwt.Header["kid"] = "forged-late";
        return jwt.Sign(auth.UrlKey);
    }

    private static string TenantToken(AuthenticatedApp auth, TestSigningKey key)
    {
        var jwt = Jwt.ForClient(key, AuthenticatedApp.TenantIssuer, AuthenticatedApp.Audience(AuthenticatedApp.ServicePath), auth.Now);
        jwt.Claims["tenant"] = AuthenticatedApp.Tenant;
        return jwt.Sign(key);
    }
}
