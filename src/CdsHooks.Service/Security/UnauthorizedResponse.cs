using CdsHooks.Service.Errors;

namespace CdsHooks.Service.Security;

/// <summary>
/// The one answer to every authentication failure: 401, <c>WWW-Authenticate: Bearer</c>, and the same fixed
/// OperationOutcome, so a caller learns nothing about why (the reason is in the service's log).
/// </summary>
internal static class UnauthorizedResponse
{
    public const string Diagnostics = "Authentication is required: send a valid bearer JWT.";

    public static Task WriteAsync(HttpResponse response)
    {
        response.Headers.WWWAuthenticate = "Bearer";
        response.Headers.CacheControl = "no-store";
        return OperationOutcomeResponse.WriteAsync(response, StatusCodes.Status401Unauthorized, [OperationOutcomeResponse.Issue("login", Diagnostics)]);
    }
}
