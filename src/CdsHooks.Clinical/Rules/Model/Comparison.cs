namespace CdsHooks.Clinical.Rules.Model;

/// <summary>A numeric comparison written in packs as <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> or <c>==</c>.</summary>
public enum Comparison
{
    /// <summary>Strictly less.</summary>
    LessThan,

    /// <summary>Less or equal.</summary>
    LessOrEqual,

    /// <summary>Strictly greater.</summary>
    GreaterThan,

    /// <summary>Greater or equal.</summary>
    GreaterOrEqual,

    /// <summary>Equal.</summary>
    Equal,
}

/// <summary>Parsing and applying <see cref="Comparison"/>.</summary>
public static class Comparisons
{
    /// <summary>Parses the pack notation.</summary>
    public static bool TryParse(string? text, out Comparison comparison)
    {
        (bool ok, comparison) = text switch
        {
            "<" => (true, Comparison.LessThan),
            "<=" => (true, Comparison.LessOrEqual),
            ">" => (true, Comparison.GreaterThan),
            ">=" => (true, Comparison.GreaterOrEqual),
            "==" => (true, Comparison.Equal),
            _ => (false, Comparison.Equal),
        };
        return ok;
    }

    /// <summary>Applies the comparison.</summary>
    public static bool Holds(this Comparison comparison, decimal left, decimal right) => comparison switch
    {
        Comparison.LessThan => left < right,
        Comparison.LessOrEqual => left <= right,
        Comparison.GreaterThan => left > right,
        Comparison.GreaterOrEqual => left >= right,
        _ => left == right,
    };

    /// <summary>The pack notation.</summary>
    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.LessThan => "<",
        Comparison.LessOrEqual => "≤",
        Comparison.GreaterThan => ">",
        Comparison.GreaterOrEqual => "≥",
        _ => "=",
    };
}
