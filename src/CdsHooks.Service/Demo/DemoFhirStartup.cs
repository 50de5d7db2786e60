using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Demo;

/// <summary>
/// Loads the demo data while the host starts, so a broken bundle stops the host with a message naming
/// the file instead of failing the first request. Does nothing when the endpoint is off.
/// </summary>
internal sealed class DemoFhirStartup(IOptions<DemoOptions> options, IServiceProvider services) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            _ = services.GetRequiredService<DemoFhirStore>();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
