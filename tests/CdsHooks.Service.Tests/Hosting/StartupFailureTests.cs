using CdsHooks.Clinical.Rules.Loading;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Tests.Hosting;

/// <summary>A broken setting stops the host at startup, with a message that says what to change.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public void Start_SiteAssumptionOfTheWrongType_StopsWithTheSettingNamed()
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Clinical:Packs:crohns-disease:Assumptions:min-failed-mechanisms"] = "two" });

        var error = Assert.Throws<PackLoadException>(() => app.CreateClient());

        Assert.Contains("the site override Clinical:Packs:crohns-disease:Assumptions:min-failed-mechanisms = 'two' is not a valid number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SiteAssumptionThePackDoesNotHave_StopsWithTheKnownNamesListed()
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Clinical:Packs:crohns-disease:Assumptions:min-failed-drugs"] = "3" });

        var error = Assert.Throws<PackLoadException>(() => app.CreateClient());

        Assert.Contains("Clinical:Packs:crohns-disease:Assumptions:min-failed-drugs names no assumption of this pack; known: min-failed-mechanisms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PrefetchDeadlineOutOfRange_StopsWithTheOptionNamed()
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["Prefetch:Deadline"] = "00:10:00" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_BodyLimitBelow16MiB_StopsWithTheOptionNamed()
    {
        using var app = new CdsHooksApp(new Dictionary<string, string?> { ["CdsHooks:MaxRequestBodyBytes"] = "1048576" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
    }
}
