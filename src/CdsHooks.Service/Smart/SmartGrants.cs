namespace CdsHooks.Service.Smart;

/// <summary>A launch registered by the EHR before it opens a SMART link: the patient and the card's appContext.</summary>
/// <param name="PatientId">The patient in context.</param>
/// <param name="AppContext">The link's <c>appContext</c>, passed through to the app in the token response.</param>
/// <param name="Expires">When the launch can no longer be used.</param>
internal sealed record SmartLaunch(string PatientId, string? AppContext, DateTimeOffset Expires);

/// <summary>An authorization code: the launch it came from and what the token request must repeat.</summary>
/// <param name="Launch">The launch.</param>
/// <param name="ClientId">The client that asked.</param>
/// <param name="RedirectUri">The redirect URI it gave.</param>
/// <param name="CodeChallenge">The PKCE S256 challenge.</param>
/// <param name="Scope">The scope granted.</param>
/// <param name="Expires">When the code can no longer be exchanged.</param>
internal sealed record SmartCode(SmartLaunch Launch, string ClientId, string RedirectUri, string CodeChallenge, string Scope, DateTimeOffset Expires);

/// <summary>An access token's grant: patient-scoped read access to the demo data and the explainer.</summary>
/// <param name="PatientId">The only patient the token may read.</param>
/// <param name="Scope">The scope granted.</param>
/// <param name="Expires">When the token expires.</param>
internal sealed record SmartToken(string PatientId, string Scope, DateTimeOffset Expires);
