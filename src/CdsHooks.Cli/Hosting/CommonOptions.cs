using System.CommandLine;

namespace CdsHooks.Cli;

/// <summary>Options every command that loads the packs takes.</summary>
internal static class CommonOptions
{
    public static Option<string?> Knowledge() => new("--knowledge") { Description = "Folder of the knowledge packs (default: beside the tool)." };

    public static Option<string?> Profiles() => new("--profiles") { Description = "Folder of the conformance package, e.g. fhir-profiles (default: beside the tool)." };

    public static Option<string> Format() => new Option<string>("--format")
    {
        Description = "table (readable) or json.",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");
}
