using CdsHooks.Clinical.Prefetch;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CdsHooks.Service.FhirBackend;

/// <summary>
/// Client-credential tokens from MSAL for the configured backend FHIR servers. MSAL's in-memory app token cache
/// keeps a token until shortly before it expires, so most calls make no network request.
/// </summary>
internal sealed partial class MsalFhirTokenSource : IFhirTokenSource
{
    public const string HttpClientName = "fhir-backend-msal";

    private readonly FhirBackendOptions _options;
    private readonly IConfidentialClientApplication _application;
    private readonly ILogger<MsalFhirTokenSource> _logger;

    public MsalFhirTokenSource(IOptions<FhirBackendOptions> options, IHttpClientFactory httpClients, ILogger<MsalFhirTokenSource> logger)
    {
        _options = options.Value;
        _logger = logger;
        _application = ConfidentialClientApplicationBuilder.Create(_options.ClientId)
            .WithClientSecret(_options.ClientSecret)
            .WithAuthority(_options.Authority, _options.ValidateAuthority)
            .WithInstanceDiscovery(_options.ValidateAuthority)
            .WithHttpClientFactory(new FactoryAdapter(httpClients))
            .Build();
    }

    public async ValueTask<string?> GetTokenAsync(Uri fhirServer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fhirServer);
        string requested = fhirServer.AbsoluteUri.TrimEnd('/');
        if (!_options.FhirServers.Any(s => string.Equals(s.TrimEnd('/'), requested, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        try
        {
            var result = await _application.AcquireTokenForClient(_options.Scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            LogAcquired(_logger, fhirServer.Authority, result.AuthenticationResultMetadata.TokenSource);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            // MSAL's error code names the problem (e.g. invalid_client); its message may quote server text.
            LogFailed(_logger, fhirServer.Authority, ex.ErrorCode);
            return null;
        }
    }

    [LoggerMessage(EventId = 1170, Level = LogLevel.Debug, Message = "Backend FHIR token for {FhirAuthority} from {TokenSource}")]
    private static partial void LogAcquired(ILogger logger, string fhirAuthority, TokenSource tokenSource);

    [LoggerMessage(EventId = 1171, Level = LogLevel.Warning, Message = "Backend FHIR token for {FhirAuthority} could not be acquired: {ErrorCode}")]
    private static partial void LogFailed(ILogger logger, string fhirAuthority, string errorCode);

    private sealed class FactoryAdapter(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
