namespace CdsHooks.Service.Security;

/// <summary>Entra ID (Azure AD) access tokens as a second way in (section <c>Authentication:Entra</c>).</summary>
public sealed class EntraOptions
{
    /// <summary>Whether Entra tokens are accepted (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>The authority, e.g. <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>; its OpenID metadata gives the issuer and keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience: this API's application ID URI or client id.</summary>
    public string? Audience { get; set; }

    /// <summary>App roles of which the token must carry one (client-credential callers get them as <c>roles</c>); empty accepts any.</summary>
    public IList<string> RequiredRoles { get; } = [];

    /// <summary>Require https for the metadata address (default true; only tests on loopback turn it off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
