namespace CdsHooks.Protocol.Prefetch;

/// <summary>One way a prefetch template breaks the CDS Hooks query restrictions.</summary>
public sealed record PrefetchLintIssue
{
    /// <summary>The rule id, from <see cref="PrefetchLintRules"/>.</summary>
    public required string RuleId { get; init; }

    /// <summary>What is wrong and how to fix it.</summary>
    public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId}: {Message}";
}
