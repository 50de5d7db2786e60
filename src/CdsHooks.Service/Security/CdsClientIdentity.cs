namespace CdsHooks.Service.Security;

/// <summary>An authenticated CDS client, from a validated token.</summary>
/// <param name="Issuer">The client's <c>iss</c>.</param>
/// <param name="Tenant">The <c>tenant</c> claim, if sent.</param>
/// <param name="TokenId">The <c>jti</c>.</param>
/// <param name="Subject">The <c>sub</c>, if sent (not in the spec since 2018, but Epic sends it).</param>
public sealed record CdsClientIdentity(string Issuer, string? Tenant, string TokenId, string? Subject);
