using CdsHooks.Service.Audit;
using CdsHooks.Service.Errors;
using CdsHooks.Service.Security;
using CdsHooks.Service.Storage;
using CdsHooks.Service.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Hosting;

/// <summary>
/// The host's cross-cutting concerns: options, error responses, CORS, health checks, body limits, storage, client
/// authentication and rate limits, audit, telemetry and security headers.
/// </summary>
internal static class CdsHooksHostingExtensions
{
    public static WebApplicationBuilder AddCdsHooksDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceOptions>()
            .Bind(builder.Configuration.GetSection(ServiceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The readers enforce the configured body limits themselves, with a clear OperationOutcome; Kestrel's own
        // limit sits just above the largest of them as a backstop.
        var limits = builder.Configuration.GetSection(ServiceOptions.SectionName).Get<ServiceOptions>() ?? new ServiceOptions();
        long largest = Math.Max(limits.MaxRequestBodyBytes, limits.MaxFeedbackBodyBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = largest + (1024 * 1024));

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<OperationOutcomeExceptionHandler>();
        builder.Services.AddCors();
        builder.Services.AddHealthChecks();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddCdsSecurity(builder.Configuration);
        builder.Services.AddInvocationAudit(builder.Configuration);
        builder.AddCdsHooksTelemetry();
        return builder;
    }

    public static WebApplication UseCdsHooksDefaults(this WebApplication app)
    {
        // Outside the exception handler, so that it sees the final status of a failed invocation too.
        app.UseInvocationRecording();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Client errors are logged once, by the handler, without a stack trace.
            SuppressDiagnosticsCallback = context => context.Exception is not null && context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseStatusCodePages(WriteStatusOutcomeAsync);
        var service = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        app.UsePrivateNetworkAccessPreflight();
        app.UseCors(policy =>
        {
            // The CDS Hooks sandbox and browser-based EHRs call from another origin; preflight needs no credentials.
            policy = service.AllowsAnyOrigin ? policy.AllowAnyOrigin() : policy.WithOrigins(service.CorsOrigins);
            policy.WithMethods("GET", "POST", "OPTIONS").WithHeaders("Content-Type", "Authorization", "Accept");
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealth();
        return app;
    }

    // A 404 or 405 from routing has no body; give it an OperationOutcome like every other error.
    private static Task WriteStatusOutcomeAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        string diagnostics = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "Nothing is served at this address. The CDS services are listed at GET /cds-services.",
            StatusCodes.Status405MethodNotAllowed => "This address does not accept this HTTP method.",
            _ => $"The request failed with HTTP {response.StatusCode}.",
        };
        string type = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "not-found",
            StatusCodes.Status405MethodNotAllowed => "not-supported",
            _ => "processing",
        };
        return OperationOutcomeResponse.WriteAsync(response, response.StatusCode, [OperationOutcomeResponse.Issue(type, diagnostics)]);
    }
}
