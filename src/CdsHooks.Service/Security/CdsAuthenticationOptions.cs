using System.ComponentModel.DataAnnotations;

namespace CdsHooks.Service.Security;

/// <summary>
/// Authentication of the EHR (configuration section <c>Authentication</c>), following CDS Hooks §Trusting CDS
/// Clients and its best-practice validation steps. On unless <see cref="Enabled"/> is set to false explicitly.
/// </summary>
public sealed class CdsAuthenticationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authentication";

    /// <summary>The algorithms trusted when a client names none: the two the spec recommends.</summary>
    public static readonly IReadOnlyList<string> DefaultAlgorithms = ["ES384", "RS384"];

    /// <summary>
    /// Whether discovery, the services and feedback require a JWT. Default true; only an explicit <c>false</c>
    /// (as the Demo environment sets) turns it off, and the host then logs a warning at startup.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The service's public base URL as clients call it, e.g. <c>https://cds.example.org</c> or
    /// <c>https://gateway.example.org/cds</c>. The expected <c>aud</c> is this plus the path called, so it stays right
    /// behind a proxy or ingress that rewrites the host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Tolerance for clock differences on <c>exp</c>, <c>iat</c> and <c>nbf</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest token lifetime (<c>exp − iat</c>) accepted; the replay cache keeps ids this long at most.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a fetched JWKS is used before it is fetched again.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The least time between two fetches of one JWKS for an unknown <c>kid</c> (so forged kids cannot flood the EHR).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Accept a feedback call whose <c>aud</c> is the service's URL rather than the feedback URL. The spec leaves the
    /// feedback <c>aud</c> undefined and suggests considering this; default true.
    /// </summary>
    public bool AcceptServiceAudienceForFeedback { get; set; } = true;

    /// <summary>The trusted CDS clients (EHRs).</summary>
    public IList<CdsClientRegistration> Clients { get; } = [];

    /// <summary>Entra ID (Azure AD) bearer tokens, a second scheme a site can enable.</summary>
    public EntraOptions Entra { get; set; } = new();
}
