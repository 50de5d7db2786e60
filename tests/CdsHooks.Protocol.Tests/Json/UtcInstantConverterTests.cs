using CdsHooks.Protocol.Json;

namespace CdsHooks.Protocol.Tests.Json;

public sealed class UtcInstantConverterTests
{
    [Theory]
    [InlineData("1985-04-12T23:20:50.52Z", "1985-04-12T23:20:50.5200000+00:00")]
    [InlineData("2021-12-11T10:05:31Z", "2021-12-11T10:05:31.0000000+00:00")]
    [InlineData("2021-12-11t10:05:31z", "2021-12-11T10:05:31.0000000+00:00")]
    [InlineData("1996-12-19T16:39:57-08:00", "1996-12-20T00:39:57.0000000+00:00")]
    public void TryParse_Rfc3339DateTime_ReturnsInstant(string text, string expectedUtc)
    {
        Assert.True(UtcInstantConverter.TryParse(text, out DateTimeOffset value));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2021-12-11")]
    [InlineData("2021-12-11T10:05:31")]
    [InlineData("2021-12-11 10:05:31Z")]
    [InlineData("12/11/2021 10:05:31 +00:00")]
    [InlineData("2021-13-11T10:05:31Z")]
    public void TryParse_NotRfc3339WithOffset_ReturnsFalse(string text)
    {
        Assert.False(UtcInstantConverter.TryParse(text, out _));
    }
}
