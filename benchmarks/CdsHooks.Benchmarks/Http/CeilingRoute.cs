using System.Text.Json;

namespace CdsHooks.Benchmarks.Http;

/// <summary>
/// The ceiling the service is measured against: a route in the same host, behind the same middleware, that only reads
/// the same body into a <see cref="JsonDocument"/> and answers <c>{"cards":[]}</c>. Added by the benchmark alone,
/// through a startup filter, so the product carries no benchmark route.
/// </summary>
internal sealed class CeilingRoute : IStartupFilter
{
    public const string Path = "/benchmark/ceiling";

    private static readonly byte[] EmptyCards = """{"cards":[]}"""u8.ToArray();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, ceiling => ceiling.Run(async context =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(EmptyCards, context.RequestAborted);
        }));
        next(app);
    };
}
