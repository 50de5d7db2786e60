namespace CdsHooks.Service.Security;

/// <summary>Authentication events (EventIds 1100-1139): reason, <c>iss</c> and <c>jti</c> only, never the token.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Client JWT refused: {Reason} (iss {Issuer}, jti {TokenId})")]
    public static partial void Refused(ILogger logger, CdsJwtFailure reason, string issuer, string tokenId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Request without a bearer token refused")]
    public static partial void NoToken(ILogger logger);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Client authenticated (iss {Issuer}, tenant {Tenant}, jti {TokenId})")]
    public static partial void Authenticated(ILogger logger, string issuer, string? tenant, string tokenId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Authentication is OFF (Authentication:Enabled is false): discovery, services and feedback accept any caller")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Entra token refused: {FailureType}")]
    public static partial void EntraRefused(ILogger logger, string failureType);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Client {Issuer} exceeded its rate limit")]
    public static partial void RateLimited(ILogger logger, string issuer);

    /// <summary>Claimed values are unverified input: bounded, so a forged token cannot flood the log.</summary>
    public static string Bounded(string? value) => value is null ? "(none)" : value.Length <= 200 ? value : value[..200] + "…";
}
