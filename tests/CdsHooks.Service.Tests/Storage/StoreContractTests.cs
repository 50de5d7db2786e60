using CdsHooks.Protocol.Feedback;
using CdsHooks.Service.Audit;
using CdsHooks.Service.Feedback;
using CdsHooks.Service.Security;
using CdsHooks.Service.Storage;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Storage;

/// <summary>
/// The one contract every storage provider meets (feedback, JWT replay cache, audit trail, migrations), run against
/// SQLite and against a real PostgreSQL server by the subclasses. Two service providers over the same database stand
/// for two instances.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>The stores' clock.</summary>
    protected FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private IServiceProvider First => _providers[0];

    public async Task InitializeAsync()
    {
        var settings = await StorageSettingsAsync();
        _providers.Add(Build(settings));
        _providers.Add(Build(settings));
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await CleanUpAsync();
    }

    [Fact]
    public async Task Migrate_RunTwice_AppliesEveryStepOnce()
    {
        var migrator = First.GetRequiredService<IStoreMigrator>();

        Assert.Equal(0, await migrator.CurrentVersionAsync(CancellationToken.None));
        Assert.Equal(3, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(migrator.TargetVersion, await migrator.CurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_TwoInstancesAtOnce_ApplyEachStepOnce()
    {
        var applied = await Task.WhenAll(_providers.Select(p => p.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None)));

        Assert.Equal(3, applied.Sum());
    }

    [Fact]
    public async Task Feedback_SameItemTwice_IsStoredOnceWithEveryField()
    {
        await MigrateAsync();
        var store = First.GetRequiredService<IFeedbackStore>();
        var item = Item("overridden", new DateTimeOffset(2025, 6, 1, 11, 59, 30, 250, TimeSpan.Zero));

        Assert.Equal(1, await store.StoreAsync("svc", [item], CancellationToken.None));
        Assert.Equal(0, await store.StoreAsync("svc", [item], CancellationToken.None));

        var stored = Assert.Single(await store.FindByCardAsync(item.Card, CancellationToken.None));
        Assert.Equal("svc", stored.ServiceId);
        Assert.Equal("overridden", stored.Outcome);
        Assert.Equal("http://example.org/reasons|mdt", stored.OverrideReasonCode);
        Assert.Equal("discussed", stored.OverrideComment);
        Assert.Equal(["b", "a"], stored.AcceptedSuggestions);
        Assert.Equal(item.OutcomeTimestamp, stored.OutcomeTimestamp);
        Assert.Equal(Clock.GetUtcNow(), stored.ReceivedAt);
    }

    [Fact]
    public async Task Feedback_ResentThroughTwoInstancesAtOnce_IsStoredOnce()
    {
        await MigrateAsync();
        var item = Item("accepted", new DateTimeOffset(2025, 6, 1, 11, 0, 0, TimeSpan.Zero));

        var stored = await Task.WhenAll(_providers.Select(p => p.GetRequiredService<IFeedbackStore>().StoreAsync("svc", [item], CancellationToken.None)));

        Assert.Equal(1, stored.Sum());
        Assert.Single(await _providers[1].GetRequiredService<IFeedbackStore>().FindByCardAsync(item.Card, CancellationToken.None));
    }

    [Fact]
    public async Task Replay_SameJtiOnAnotherInstance_IsRefusedUntilItExpires()
    {
        await MigrateAsync();
        var expires = Clock.GetUtcNow().AddMinutes(5);

        Assert.True(await _providers[0].GetRequiredService<IReplayCache>().TryRememberAsync("https://ehr", "jti-1", expires, CancellationToken.None));
        Assert.False(await _providers[1].GetRequiredService<IReplayCache>().TryRememberAsync("https://ehr", "jti-1", expires, CancellationToken.None));
        Assert.True(await _providers[1].GetRequiredService<IReplayCache>().TryRememberAsync("https://other-ehr", "jti-1", expires, CancellationToken.None));

        Clock.Set(expires.AddSeconds(1));
        Assert.True(await _providers[1].GetRequiredService<IReplayCache>().TryRememberAsync("https://ehr", "jti-1", expires.AddMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Replay_Purge_DeletesOnlyExpiredIds()
    {
        await MigrateAsync();
        var cache = First.GetRequiredService<IReplayCache>();
        var now = Clock.GetUtcNow();
        await cache.TryRememberAsync("iss", "old", now.AddMinutes(1), CancellationToken.None);
        await cache.TryRememberAsync("iss", "live", now.AddMinutes(10), CancellationToken.None);

        Clock.Set(now.AddMinutes(2));

        Assert.Equal(1, await cache.PurgeExpiredAsync(CancellationToken.None));
        Assert.False(await cache.TryRememberAsync("iss", "live", now.AddMinutes(10), CancellationToken.None));
    }

    [Fact]
    public async Task Audit_RecordsFromTwoInstances_AreReadTogether()
    {
        await MigrateAsync();
        var at = Clock.GetUtcNow();
        var first = Record("hook-1", "instance-a", at);
        var second = Record("hook-2", "instance-b", at.AddSeconds(1)) with { ClientTenant = null, CardRules = [], DataGaps = ["conditions"], Status = 412, PatientHash = null };

        await _providers[0].GetRequiredService<IAuditTrail>().RecordAsync(first, CancellationToken.None);
        await _providers[1].GetRequiredService<IAuditTrail>().RecordAsync(second, CancellationToken.None);

        // Each instance writes its queue on its own; reading through the second waits for its record to be written.
        await _providers[1].GetRequiredService<IAuditTrail>().RecentAsync(1, CancellationToken.None);
        var trail = First.GetRequiredService<IAuditTrail>();
        var recent = await trail.RecentAsync(10, CancellationToken.None);
        Assert.Equal(["instance-b", "instance-a"], recent.Select(r => r.Instance));
        var read = Assert.Single(await trail.FindByHookInstanceAsync("hook-1", CancellationToken.None));
        Assert.Equal(first with { CardRules = read.CardRules, DataGaps = read.DataGaps }, read);
        Assert.Equal(first.CardRules, read.CardRules);
        Assert.Equal(second.DataGaps, recent[0].DataGaps);
        Assert.Null(recent[0].PatientHash);
    }

    /// <summary>The settings selecting the provider and an empty database.</summary>
    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    /// <summary>Removes what <see cref="StorageSettingsAsync"/> created.</summary>
    protected abstract Task CleanUpAsync();

    private static AuditRecord Record(string hookInstance, string instance, DateTimeOffset at) => new()
    {
        OccurredAt = at,
        Instance = instance,
        ClientIssuer = "https://ehr.example.org",
        ClientTenant = "hospital-a",
        ServiceId = "refractory-patient-view",
        Hook = "patient-view",
        HookInstance = hookInstance,
        PatientHash = new string('a', 64),
        CardRules = ["crohns.refractory-status", "crohns.next-line"],
        LatencyMs = 12.5,
        Status = 200,
        DataGaps = [],
    };

    private static FeedbackItem Item(string outcome, DateTimeOffset at) => new()
    {
        Card = Guid.NewGuid().ToString(),
        Outcome = outcome == "accepted" ? FeedbackOutcome.Accepted : FeedbackOutcome.Overridden,
        AcceptedSuggestions = [new AcceptedSuggestion { Id = "b" }, new AcceptedSuggestion { Id = "a" }],
        OverrideReason = outcome == "accepted" ? null : new OverrideReason { Reason = new() { System = "http://example.org/reasons", Code = "mdt" }, UserComment = "discussed" },
        OutcomeTimestamp = at,
    };

    private Task<int> MigrateAsync() => First.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
