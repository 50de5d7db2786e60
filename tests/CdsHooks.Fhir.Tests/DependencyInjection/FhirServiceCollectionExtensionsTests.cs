using System.ComponentModel.DataAnnotations;
using CdsHooks.Fhir.DependencyInjection;
using CdsHooks.Fhir.Rest;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Fhir.Tests.DependencyInjection;

public sealed class FhirServiceCollectionExtensionsTests
{
    [Fact]
    public void AddFhir_BindsSectionAndResolvesTypedClient()
    {
        using var provider = Build(new()
        {
            ["Fhir:Client:AttemptTimeout"] = "00:00:05",
            ["Fhir:Client:MaxRetries"] = "1",
            ["Fhir:Client:MaxPages"] = "3",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<FhirClientOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), 1, 3), (options.AttemptTimeout, options.MaxRetries, options.MaxPages));
        Assert.Equal(FhirClientOptions.DefaultMaxResponseBytes, options.MaxResponseBytes);
        Assert.NotNull(provider.GetRequiredService<FhirRestClient>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddFhir_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2024, 3, 2, 11, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddFhir(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("MaxPages", "0")]
    [InlineData("MaxRetries", "11")]
    [InlineData("AttemptTimeout", "00:00:00.001")]
    [InlineData("RetryBaseDelay", "00:05:00")]
    [InlineData("MaxResponseBytes", "100")]
    public void AddFhir_OutOfRangeSetting_FailsStartupValidationNamingIt(string key, string value)
    {
        using var provider = Build(new() { [$"Fhir:Client:{key}"] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FhirClientOptions_Defaults_AreTheNamedConstantsAndValid()
    {
        var options = new FhirClientOptions();

        Assert.Equal(
            (TimeSpan.FromSeconds(2), 2, TimeSpan.FromMilliseconds(100), 10, 32 * 1024 * 1024),
            (options.AttemptTimeout, options.MaxRetries, options.RetryBaseDelay, options.MaxPages, options.MaxResponseBytes));
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddFhir(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
