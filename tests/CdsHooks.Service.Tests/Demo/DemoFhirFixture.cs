namespace CdsHooks.Service.Tests.Demo;

/// <summary>
/// Two hosts over the repository's seeds, shared by a test class: one with dates shifted so each bundle's
/// timestamp is <see cref="DemoFhirHost.Today"/>, one serving the dates as written.
/// </summary>
public sealed class DemoFhirFixture : IAsyncLifetime
{
    /// <summary>Dates shifted to <see cref="DemoFhirHost.Today"/> (the default configuration).</summary>
    public DemoFhirHost Shifted { get; private set; } = null!;

    /// <summary>Dates as written in seeds/patients.</summary>
    public DemoFhirHost AsWritten { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Shifted = await DemoFhirHost.StartAsync();
        AsWritten = await DemoFhirHost.StartAsync(new Dictionary<string, string?> { ["Demo:ShiftDatesToToday"] = "false" });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Shifted.DisposeAsync();
        await AsWritten.DisposeAsync();
    }
}
