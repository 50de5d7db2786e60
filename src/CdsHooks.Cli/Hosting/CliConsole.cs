using Spectre.Console;

namespace CdsHooks.Cli;

/// <summary>
/// Where the tool writes: results (tables, JSON) to <see cref="Out"/>, progress and errors to <see cref="Error"/>, so
/// that <c>--format json &gt; report.json</c> stays clean.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Table">Renders tables to standard output.</param>
/// <param name="Status">Renders progress to standard error.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, IAnsiConsole Table, IAnsiConsole Status)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole FromProcess() => new(
        Console.Out,
        Console.Error,
        AnsiConsole.Console,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>Plain text writers (tests, files): no colour, no live display, a wide page.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error)
    {
        var table = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        var status = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        table.Profile.Width = 240;
        status.Profile.Width = 120;
        return new CliConsole(output, error, table, status);
    }
}
