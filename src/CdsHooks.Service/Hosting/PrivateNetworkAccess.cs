namespace CdsHooks.Service.Hosting;

/// <summary>
/// Answers Chrome's Private Network Access preflight: a page on a public origin (the CDS Hooks sandbox) calling a service
/// on localhost sends <c>Access-Control-Request-Private-Network: true</c>, and the browser proceeds only when the
/// preflight answer carries <c>Access-Control-Allow-Private-Network: true</c>. ASP.NET Core's CORS middleware does not
/// write it, so this adds it to preflights that ask, and to nothing else.
/// </summary>
internal static class PrivateNetworkAccess
{
    public const string RequestHeader = "Access-Control-Request-Private-Network";

    public const string AllowHeader = "Access-Control-Allow-Private-Network";

    public static IApplicationBuilder UsePrivateNetworkAccessPreflight(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method")
            && string.Equals(request.Headers[RequestHeader], "true", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                // Only on a preflight the CORS policy accepted.
                if (context.Response.Headers.ContainsKey("Access-Control-Allow-Origin"))
                {
                    context.Response.Headers[AllowHeader] = "true";
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    });
}
