using CdsHooks.Protocol.Json;

namespace CdsHooks.Protocol.Tests.Json;

public sealed class JsonPathTests
{
    [Theory]
    [InlineData("$", "hook", "hook")]
    [InlineData("context", "patientId", "context.patientId")]
    [InlineData("prefetch", "my key", "prefetch['my key']")]
    [InlineData("prefetch", "it's", "prefetch['it\\'s']")]
    [InlineData("cards[0].extension", "com.example.rule", "cards[0].extension['com.example.rule']")]
    [InlineData("$", "1st", "$['1st']")]
    [InlineData("fhirAuthorization", "access_token", "fhirAuthorization.access_token")]
    public void Property_Names_AreQuotedOnlyWhenNeeded(string parent, string name, string expected)
    {
        Assert.Equal(expected, JsonPath.Property(parent, name));
    }

    [Fact]
    public void Index_Item_AppendsBrackets()
    {
        Assert.Equal("cards[2].suggestions[0]", JsonPath.Index(JsonPath.Property(JsonPath.Index("cards", 2), "suggestions"), 0));
    }
}
