using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Tests.Timeline;

public class TiterReadingTests
{
    [Theory]
    [InlineData("1:320", "320")]
    [InlineData("1/80", "80")]
    [InlineData("1∶80", "80")]
    [InlineData("1：160", "160")]
    [InlineData("<1:40", "<40")]
    [InlineData("≥ 1:1280", ">=1280")]
    [InlineData("＞1:640", ">640")]
    [InlineData("1:320 homogeneous, 1:80 speckled", "320")] // the highest pattern titre is the result
    [InlineData("2:160", "80")]
    [InlineData("640", "640")]
    public void FromText_ReadsTheReciprocalDilution(string text, string expected) =>
        Assert.Equal(expected, TiterReading.FromText(text)!.Range.ToString());

    [Theory]
    [InlineData("negative", "negative")]
    [InlineData("NEG", "negative")]
    [InlineData("not detected", "negative")]
    [InlineData("Positive", "positive")]
    [InlineData("阴性", "negative")]
    [InlineData("see report", "unreadable")]
    public void FromText_QualitativeAnswers_HaveNoRange(string text, string kind)
    {
        var titer = TiterReading.FromText(text)!;
        Assert.Null(titer.Range);
        Assert.Contains(kind, titer.Shown, StringComparison.Ordinal);
    }

    [Fact]
    public void FromText_Empty_IsNull() => Assert.Null(TiterReading.FromText("  "));
}
