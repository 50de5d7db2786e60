using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Audit;

/// <summary>Registers the audit options (validated at startup) and the patient-id hasher; the trail itself comes with the storage provider.</summary>
internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddInvocationAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.AddSingleton<PatientIdHasher>();
        return services;
    }

    public static IApplicationBuilder UseInvocationRecording(this IApplicationBuilder app) => app.UseMiddleware<InvocationRecordingMiddleware>();
}
