namespace CdsHooks.Service.Tests.Demo;

/// <summary>One host over <see cref="EdgePatients"/> with dates as written, shared by a test class.</summary>
public sealed class EdgeFhirFixture : IAsyncLifetime
{
    private readonly EdgePatients _edge = EdgePatients.Create();

    /// <summary>The host.</summary>
    public DemoFhirHost Host { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
        => Host = await DemoFhirHost.StartAsync(new Dictionary<string, string?>
        {
            ["Demo:PatientsDirectory"] = _edge.Directory,
            ["Demo:ShiftDatesToToday"] = "false",
        });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _edge.Dispose();
    }
}
