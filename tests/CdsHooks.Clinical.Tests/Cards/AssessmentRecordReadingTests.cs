using System.Text.Json;
using CdsHooks.Clinical.Cards;
using CdsHooks.Protocol.Cards;

namespace CdsHooks.Clinical.Tests.Cards;

public sealed class AssessmentRecordReadingTests
{
    private static Card CardWith(string? record) => new()
    {
        Summary = "s",
        Indicator = CardIndicator.Info,
        Source = new CardSource { Label = "l" },
        Extension = record is null ? null : new Dictionary<string, JsonElement> { [AssessmentRecord.ExtensionKey] = JsonDocument.Parse(record).RootElement },
    };

    [Fact]
    public void RuleAndKindOf_ReadsTheRecord_AndSaysWhatIsMissing()
    {
        Assert.Null(AssessmentRecord.RuleAndKindOf(CardWith(null)));
        Assert.Null(AssessmentRecord.RuleAndKindOf(CardWith("[]")));
        Assert.Equal(("crohns.refractory-status", "refractory-status"), AssessmentRecord.RuleAndKindOf(CardWith("""{"rule":"crohns.refractory-status","kind":"refractory-status"}""")));
        Assert.Equal((null, "safety"), AssessmentRecord.RuleAndKindOf(CardWith("""{"rule":7,"kind":"safety"}""")));
    }
}
