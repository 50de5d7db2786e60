using System.Text;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Feedback;
using CdsHooks.Protocol.Json;

namespace CdsHooks.Protocol.Tests.Json;

public sealed class FeedbackReaderTests
{
    [Fact]
    public void Read_AcceptedExample_ReadsEveryField()
    {
        FeedbackRequest feedback = FeedbackReader.Read(GoldenFiles.ReadBytes("FeedbackAccepted"));

        FeedbackItem item = Assert.Single(feedback.Feedback);
        Assert.Equal("4e0a3a1e-3283-4575-ab82-028d55fe2719", item.Card);
        Assert.Equal(FeedbackOutcome.Accepted, item.Outcome);
        Assert.Equal("e56e1945-20b3-4393-8503-a1a20fd73152", Assert.Single(item.AcceptedSuggestions!).Id);
        Assert.Equal(new DateTimeOffset(2021, 12, 11, 10, 5, 31, TimeSpan.Zero), item.OutcomeTimestamp);
    }

    [Fact]
    public void Read_OverriddenExample_ReadsReasonAndComment()
    {
        FeedbackRequest feedback = FeedbackReader.Read(GoldenFiles.ReadBytes("FeedbackOverridden"));

        Assert.Equal(2, feedback.Feedback.Count);
        OverrideReason reason = feedback.Feedback[0].OverrideReason!;
        Assert.Equal("d7ecf885", reason.Reason!.Code);
        Assert.Null(reason.Reason.Display);
        Assert.Equal("A comment entered by the clinician.", reason.UserComment);
        Assert.Null(feedback.Feedback[1].OverrideReason);
    }

    [Fact]
    public async Task ReadAsync_ExtensionElement_SurvivesTheParsedDocument()
    {
        await using var stream = new MemoryStream("""{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"2026-01-01T00:00:00+01:00","extension":{"com.example.a":true}}]}"""u8.ToArray());

        FeedbackRequest feedback = await FeedbackReader.ReadAsync(stream, CancellationToken.None);

        Assert.True(feedback.Feedback[0].Extension!.Value.GetProperty("com.example.a").GetBoolean());
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), feedback.Feedback[0].OutcomeTimestamp);
    }

    [Theory]
    [InlineData("""{}""", CdsErrorCodes.MissingRequiredField, "feedback")]
    [InlineData("""{"feedback":{}}""", CdsErrorCodes.WrongJsonType, "feedback")]
    [InlineData("""{"feedback":[]}""", CdsErrorCodes.InvalidFeedback, "feedback")]
    [InlineData("""{"feedback":[1]}""", CdsErrorCodes.WrongJsonType, "feedback[0]")]
    [InlineData("""{"feedback":[{"outcome":"overridden","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.MissingRequiredField, "feedback[0].card")]
    [InlineData("""{"feedback":[{"card":"c","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.MissingRequiredField, "feedback[0].outcome")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"ignored","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.InvalidFeedback, "feedback[0].outcome")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"accepted","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.InvalidFeedback, "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"accepted","acceptedSuggestions":[],"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.InvalidFeedback, "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"accepted","acceptedSuggestions":[{}],"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.MissingRequiredField, "feedback[0].acceptedSuggestions[0].id")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","overrideReason":{},"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.InvalidFeedback, "feedback[0].overrideReason")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","overrideReason":{"reason":{"code":"x"}},"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", CdsErrorCodes.MissingRequiredField, "feedback[0].overrideReason.reason.system")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden"}]}""", CdsErrorCodes.MissingRequiredField, "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"2020-12-11"}]}""", CdsErrorCodes.InvalidFeedback, "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"2020-12-11T00:00:00"}]}""", CdsErrorCodes.InvalidFeedback, "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"yesterday at noon, UTC"}]}""", CdsErrorCodes.InvalidFeedback, "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[""", CdsErrorCodes.MalformedJson, "$")]
    public void Read_InvalidFeedback_ThrowsCodeAndPath(string body, string code, string path)
    {
        var error = Assert.Throws<InvalidCdsRequestException>(() => FeedbackReader.Read(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Validate_OverrideWithCommentOnly_IsValid()
    {
        var request = new FeedbackRequest
        {
            Feedback = [new FeedbackItem { Card = "c", Outcome = FeedbackOutcome.Overridden, OverrideReason = new OverrideReason { UserComment = "n/a" }, OutcomeTimestamp = DateTimeOffset.UnixEpoch }],
        };

        Exception? error = Record.Exception(() => FeedbackValidator.Validate(request));

        Assert.Null(error);
    }
}
