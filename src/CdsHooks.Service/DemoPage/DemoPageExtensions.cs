using CdsHooks.Clinical.Invocation;
using CdsHooks.Service.Demo;
using CdsHooks.Service.Smart;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.DemoPage;

/// <summary>
/// The demo EHR page, the SMART assessment explainer and their demo-mode authorization server: registered always, served
/// only when <c>Demo:Enabled</c> is true. Every file is served by this host; the pages load nothing from elsewhere.
/// </summary>
internal static class DemoPageExtensions
{
    // The pages run only their own scripts and styles; nothing from a CDN, no inline script for card text to abuse.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Adds the chart builder, drug catalog, SMART store and the SMART-link decoration of the engine.</summary>
    public static IServiceCollection AddDemoPage(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<PatientChartBuilder>();
        services.TryAddSingleton<DrugCatalog>();
        services.TryAddSingleton<SmartAuthorizationStore>();

        // Decorate the engine registered by AddClinical; the decorator adds links only in demo mode.
        var engine = services.LastOrDefault(d => d.ServiceType == typeof(IRefractoryEngine));
        if (engine?.ImplementationType is { } implementation)
        {
            services.Remove(engine);
            services.TryAdd(new ServiceDescriptor(implementation, implementation, engine.Lifetime));
            services.Add(new ServiceDescriptor(typeof(IRefractoryEngine), sp => new SmartLinkEngine(
                (IRefractoryEngine)sp.GetRequiredService(implementation),
                sp.GetRequiredService<IHttpContextAccessor>(),
                sp.GetRequiredService<IOptions<DemoOptions>>()), engine.Lifetime));
        }

        return services;
    }

    /// <summary>Serves the page, the SMART app and their APIs when the demo is on.</summary>
    public static WebApplication UseDemoPage(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return app;
        }

        var types = new FileExtensionContentTypeProvider();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        app.MapDemoPageApi();
        app.MapSmartDemo();
        app.MapExplain();
        return app;
    }
}
