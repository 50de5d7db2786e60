using System.Net;
using System.Text.Json;
using CdsHooks.Service.Feedback;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Endpoints;

/// <summary>CDS Hooks §Feedback: stored durably in SQLite, and idempotent.</summary>
public sealed class FeedbackTests : IDisposable
{
    private const string Path = "/cds-services/refractory-patient-view/feedback";
    private readonly CdsHooksApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Post_SameFeedbackTwice_IsStoredOnce()
    {
        string card = Guid.NewGuid().ToString();
        string body = $$"""{"feedback":[{"card":"{{card}}","outcome":"accepted","acceptedSuggestions":[{"id":"s-2"},{"id":"s-1"}],"outcomeTimestamp":"2025-06-01T12:00:00.5Z"}]}""";

        var first = await ReceiptAsync(await _app.PostJsonAsync(Path, body));
        var second = await ReceiptAsync(await _app.PostJsonAsync(Path, body));

        Assert.Equal((1, 1), first);
        Assert.Equal((1, 0), second);
        var stored = Assert.Single(await StoredAsync(card));
        Assert.Equal("accepted", stored.Outcome);
        Assert.Equal("refractory-patient-view", stored.ServiceId);
        Assert.Equal(["s-2", "s-1"], stored.AcceptedSuggestions);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 0, 0, 500, TimeSpan.Zero), stored.OutcomeTimestamp);
        Assert.Equal(_app.Clock.GetUtcNow(), stored.ReceivedAt);
    }

    [Fact]
    public async Task Post_SameItemResentInABatchWithANewOne_StoresOnlyTheNewOne()
    {
        string card = Guid.NewGuid().ToString();
        string overridden = $$"""{"card":"{{card}}","outcome":"overridden","overrideReason":{"reason":{"system":"http://refractorycds.org/fhir/CodeSystem/override-reason","code":"mdt-approved","display":"Approved by the multidisciplinary team"},"userComment":"discussed at MDT"},"outcomeTimestamp":"2025-06-01T12:00:00Z"}""";
        string later = $$"""{"card":"{{card}}","outcome":"overridden","outcomeTimestamp":"2025-06-01T12:05:00Z"}""";

        var first = await ReceiptAsync(await _app.PostJsonAsync(Path, $$"""{"feedback":[{{overridden}}]}"""));
        var batch = await ReceiptAsync(await _app.PostJsonAsync(Path, $$"""{"feedback":[{{overridden}},{{later}}]}"""));

        Assert.Equal((1, 1), first);
        Assert.Equal((2, 1), batch);
        var stored = await StoredAsync(card);
        Assert.Equal(2, stored.Count);
        Assert.Equal("http://refractorycds.org/fhir/CodeSystem/override-reason|mdt-approved", stored[0].OverrideReasonCode);
        Assert.Equal("discussed at MDT", stored[0].OverrideComment);
        Assert.Null(stored[1].OverrideReasonCode);
    }

    [Fact]
    public async Task Post_Feedback_SurvivesARestartOfTheService()
    {
        string card = Guid.NewGuid().ToString();
        string body = $$"""{"feedback":[{"card":"{{card}}","outcome":"overridden","outcomeTimestamp":"2025-06-01T12:00:00Z"}]}""";
        string database = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cdshooks-tests", $"restart-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database };
        try
        {
            // The first instance stops before the second starts: the file, not a live process, carries the feedback.
            await using (var first = new CdsHooksApp(settings))
            {
                Assert.Equal((1, 1), await ReceiptAsync(await first.PostJsonAsync(Path, body)));
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var second = new CdsHooksApp(settings);
            Assert.Equal((1, 0), await ReceiptAsync(await second.PostJsonAsync(Path, body)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<(int Received, int Stored)> ReceiptAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        return (document.RootElement.GetProperty("received").GetInt32(), document.RootElement.GetProperty("stored").GetInt32());
    }

    private Task<IReadOnlyList<StoredFeedback>> StoredAsync(string card) =>
        _app.Services.GetRequiredService<IFeedbackStore>().FindByCardAsync(card, CancellationToken.None);
}
