namespace CdsHooks.Protocol.Validation;

/// <summary>One broken response rule. Safe to log: it names the rule and the path, not the content.</summary>
public sealed record SelfCheckViolation
{
    /// <summary>The rule id, from <see cref="SelfCheckRules"/>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Where, e.g. <c>cards[2].suggestions[0].actions[1]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>What is wrong.</summary>
    public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} at {Path}: {Message}";
}
