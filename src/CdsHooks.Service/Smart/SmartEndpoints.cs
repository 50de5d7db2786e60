using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Service.Demo;
using CdsHooks.Service.Hosting;
using Microsoft.AspNetCore.Http.Extensions;

namespace CdsHooks.Service.Smart;

/// <summary>
/// A simplified SMART App Launch 2.0 authorization server for demo mode, in front of the demo FHIR endpoint: discovery
/// (<c>/fhir/.well-known/smart-configuration</c>), launch registration in the shape the CDS Hooks sandbox uses
/// (<c>POST /fhir/_services/smart/Launch</c>), <c>/smart/authorize</c> (no login or consent: it approves any registered
/// launch) and <c>/smart/token</c> (authorization code with PKCE S256, public clients).
/// </summary>
internal static partial class SmartEndpoints
{
    /// <summary>The scopes the demo grants.</summary>
    public const string SupportedScopes = "launch openid fhirUser patient/*.read patient/*.rs";

    public static IEndpointRouteBuilder MapSmartDemo(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{DemoFhirEndpoints.BasePath}/.well-known/smart-configuration", GetConfiguration)
            .WithName("SmartConfiguration").WithTags("SMART (demo)").WithSummary("SMART discovery document of the demo FHIR endpoint");
        routes.MapPost($"{DemoFhirEndpoints.BasePath}/_services/smart/Launch", RegisterLaunchAsync)
            .WithName("SmartLaunchRegistration").WithTags("SMART (demo)").WithSummary("Registers a launch context; answers {launch_id}");
        routes.MapGet("/smart/authorize", Authorize)
            .WithName("SmartAuthorize").WithTags("SMART (demo)").WithSummary("Approves a registered launch and redirects with a code");
        routes.MapPost("/smart/token", ExchangeAsync)
            .WithName("SmartToken").WithTags("SMART (demo)").WithSummary("Exchanges a code (PKCE S256) for an access token");
        return routes;
    }

    private static JsonHttpResult GetConfiguration(HttpRequest request)
    {
        string root = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase);
        return Json(new JsonObject
        {
            ["issuer"] = DemoFhirEndpoints.BaseUrl(request),
            ["authorization_endpoint"] = root + "smart/authorize",
            ["token_endpoint"] = root + "smart/token",
            ["grant_types_supported"] = new JsonArray("authorization_code"),
            ["response_types_supported"] = new JsonArray("code"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("none"),
            ["scopes_supported"] = new JsonArray(SupportedScopes.Split(' ').Select(s => (JsonNode)s).ToArray()),
            ["capabilities"] = new JsonArray("launch-ehr", "client-public", "context-ehr-patient", "permission-patient", "permission-v2"),
        });
    }

    private static async Task<IResult> RegisterLaunchAsync(HttpRequest request, SmartAuthorizationStore store, DemoFhirStore demo)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The body must be JSON: {\"launchUrl\": ..., \"parameters\": {\"patient\": ..., \"appContext\": ...}}.");
        }

        using (body)
        {
            var parameters = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            string? patient = Text(parameters, "patient");
            if (patient is null || !demo.TryRead("Patient", patient, out _))
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_request", "parameters.patient must name a demo Patient id.");
            }

            string launch = store.RegisterLaunch(patient, Text(parameters, "appContext"));
            return Json(new JsonObject { ["launch_id"] = launch });
        }
    }

    private static IResult Authorize(HttpRequest request, SmartAuthorizationStore store)
    {
        var q = request.Query;
        string? redirect = q["redirect_uri"];
        string origin = UriHelper.BuildAbsolute(request.Scheme, request.Host);

        // Redirecting only to this host's own pages keeps the demo server from being an open redirect.
        if (redirect is null || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri)
            || !redirectUri.GetLeftPart(UriPartial.Authority).Equals(origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "redirect_uri must be an absolute URL on this host (the demo serves its own SMART app).");
        }

        string? problem = (string?)q["response_type"] != "code" ? "response_type must be code"
            : string.IsNullOrEmpty(q["client_id"]) ? "client_id is required"
            : string.IsNullOrEmpty(q["state"]) ? "state is required"
            : (string?)q["aud"] != DemoFhirEndpoints.BaseUrl(request) ? $"aud must be the FHIR base URL {DemoFhirEndpoints.BaseUrl(request)}"
            : (string?)q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]) ? "PKCE with code_challenge_method S256 is required"
            : !((string?)q["scope"] ?? string.Empty).Split(' ').Contains("launch") ? "scope must include launch (EHR launch)"
            : null;
        SmartLaunch? launch = null;
        if (problem is null && !store.TryGetLaunch(q["launch"].ToString(), out launch))
        {
            problem = "launch is unknown or expired; open the app again from the card";
        }

        if (problem is not null)
        {
            return TypedResults.Redirect(With(redirect, ("error", "invalid_request"), ("error_description", problem), ("state", q["state"].ToString())));
        }

        string code = store.IssueCode(launch!, q["client_id"]!, redirect, q["code_challenge"]!, q["scope"]!);
        return TypedResults.Redirect(With(redirect, ("code", code), ("state", q["state"].ToString())));
    }

    private static async Task<IResult> ExchangeAsync(HttpRequest request, SmartAuthorizationStore store)
    {
        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if ((string?)form["grant_type"] != "authorization_code")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=authorization_code is supported.");
        }

        if (!store.TryRedeemCode(form["code"].ToString(), out var grant))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_grant", "The code is unknown, expired or already used.");
        }

        string verifier = form["code_verifier"].ToString();
        string challenge = SmartAuthorizationStore.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if ((string?)form["redirect_uri"] != grant.RedirectUri || (string?)form["client_id"] != grant.ClientId
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(grant.CodeChallenge)))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_grant", "redirect_uri, client_id or code_verifier does not match the authorization request.");
        }

        string scope = string.Join(' ', grant.Scope.Split(' ').Where(s => SupportedScopes.Split(' ').Contains(s)));
        var answer = new JsonObject
        {
            ["access_token"] = store.IssueToken(grant.Launch.PatientId, scope),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)SmartAuthorizationStore.TokenLifetime.TotalSeconds,
            ["scope"] = scope,
            ["patient"] = grant.Launch.PatientId,
            ["need_patient_banner"] = true,
        };
        if (grant.Launch.AppContext is { } appContext)
        {
            answer["appContext"] = appContext;
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers.Pragma = "no-cache";
        return Json(answer);
    }

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    private static string With(string uri, params (string Name, string Value)[] parameters)
    {
        var builder = new StringBuilder(uri);
        char separator = uri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }

    private static JsonHttpResult Json(JsonObject value, int status = StatusCodes.Status200OK)
        => new(value, status);

    // RFC 6749 §5.2 error shape.
    private static JsonHttpResult Error(int status, string error, string description)
        => Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    /// <summary>A JSON object written with the host's source-generated metadata.</summary>
    internal sealed class JsonHttpResult(JsonObject value, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            return httpContext.Response.WriteAsJsonAsync(value, HostJsonContext.Default.JsonObject, "application/json; charset=utf-8", httpContext.RequestAborted);
        }
    }
}
