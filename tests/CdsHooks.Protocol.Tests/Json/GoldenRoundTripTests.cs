using System.Text.Json;
using CdsHooks.Protocol.Discovery;
using CdsHooks.Protocol.Feedback;
using CdsHooks.Protocol.Json;
using CdsHooks.Protocol.Responses;
using CdsHooks.Protocol.Validation;
using CdsHooks.Testing;

namespace CdsHooks.Protocol.Tests.Json;

/// <summary>Each spec example is read with the production reader (or deserializer) and written back unchanged.</summary>
public sealed class GoldenRoundTripTests
{
    [Theory]
    [InlineData("PatientViewRequest")]
    [InlineData("OrderSelectRequest")]
    [InlineData("OrderSignRequest")]
    public void CdsRequestReader_SpecExampleRequest_RoundTripsUnchanged(string name)
    {
        using ParsedCdsRequest parsed = CdsRequestReader.Read(GoldenFiles.ReadBytes(name));

        string written = CdsJson.Serialize(parsed.Request);

        CdsJsonAssert.Equal(GoldenFiles.ReadText(name), written);
    }

    [Fact]
    public async Task CdsRequestReader_SpecExampleFromStream_RoundTripsUnchanged()
    {
        await using var stream = new MemoryStream(GoldenFiles.ReadBytes("OrderSelectRequest"));
        using ParsedCdsRequest parsed = await CdsRequestReader.ReadAsync(stream, CancellationToken.None);

        CdsJsonAssert.Equal(GoldenFiles.ReadText("OrderSelectRequest"), CdsJson.Serialize(parsed.Request));
    }

    [Theory]
    [InlineData("CardsResponse")]
    [InlineData("SystemActionsResponse")]
    public void CdsJson_SpecExampleResponse_RoundTripsUnchanged(string name)
    {
        CdsResponse response = CdsJson.Deserialize<CdsResponse>(GoldenFiles.ReadBytes(name));

        CdsJsonAssert.Equal(GoldenFiles.ReadText(name), CdsJson.Serialize(response));
    }

    [Theory]
    [InlineData("CardsResponse")]
    [InlineData("SystemActionsResponse")]
    public void ResponseSelfCheck_SpecExampleResponse_IsValid(string name)
    {
        CdsResponse response = CdsJson.Deserialize<CdsResponse>(GoldenFiles.ReadBytes(name));

        SelfCheckResult result = ResponseSelfCheck.Check(response);
        using JsonDocument written = JsonDocument.Parse(CdsJson.SerializeToUtf8Bytes(response));

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Empty(ResponseSelfCheck.CheckJson(written.RootElement));
    }

    [Fact]
    public void CdsJson_SpecExampleDiscovery_RoundTripsUnchanged()
    {
        DiscoveryResponse discovery = CdsJson.Deserialize<DiscoveryResponse>(GoldenFiles.ReadBytes("DiscoveryResponse"));

        CdsJsonAssert.Equal(GoldenFiles.ReadText("DiscoveryResponse"), CdsJson.Serialize(discovery));
    }

    [Theory]
    [InlineData("FeedbackAccepted")]
    [InlineData("FeedbackOverridden")]
    public void FeedbackReader_SpecExampleFeedback_RoundTripsUnchanged(string name)
    {
        FeedbackRequest feedback = FeedbackReader.Read(GoldenFiles.ReadBytes(name));

        CdsJsonAssert.Equal(GoldenFiles.ReadText(name), CdsJson.Serialize(feedback));
    }

    [Fact]
    public void CdsJsonAssert_DifferentDocuments_ReportsFirstDifferingPath()
    {
        var error = Assert.Throws<CdsJsonMismatchException>(() =>
            CdsJsonAssert.Equal("""{"cards":[{"summary":"a","indicator":"info"}]}""", """{"cards":[{"indicator":"info","summary":"b"}]}"""));

        Assert.StartsWith("$.cards[0].summary:", error.Message, StringComparison.Ordinal);
    }
}
