namespace CdsHooks.Clinical.Rules.Loading;

/// <summary>A knowledge pack is invalid; startup stops with a message naming the file, line, rule and fix.</summary>
public sealed class PackLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PackLoadException(string file, int line, string? ruleId, string problem)
        : base($"Knowledge pack {file}, line {line}{(ruleId is null ? "" : $", rule '{ruleId}'")}: {problem}")
    {
        File = file;
        Line = line;
        RuleId = ruleId;
    }

    /// <inheritdoc/>
    public PackLoadException()
    {
    }

    /// <inheritdoc/>
    public PackLoadException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public PackLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The pack file.</summary>
    public string File { get; } = "";

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The rule id, when the problem is inside a rule.</summary>
    public string? RuleId { get; }
}
