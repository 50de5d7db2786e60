using CdsHooks.Testing;

namespace CdsHooks.Cli.Tests;

public sealed class RequirementsCommandTests
{
    [Fact]
    public async Task Requirements_Check_PassesOnTheCommittedRepository()
    {
        var (exit, _, error) = await CliRun.RunAsync("requirements", "--check", "--repo", RepoPaths.Root);

        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task Requirements_Default_PrintsThePage()
    {
        var (exit, output, _) = await CliRun.RunAsync("requirements", "--repo", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "data-requirements.md")), output);
    }

    [Fact]
    public async Task Requirements_NotARepository_ExitsWithInputError()
    {
        var (exit, _, error) = await CliRun.RunAsync("requirements", "--repo", Path.GetTempPath());

        Assert.Equal(2, exit);
        Assert.Contains("Cannot find the repository", error, StringComparison.Ordinal);
    }
}
