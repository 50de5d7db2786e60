namespace CdsHooks.Clinical.Rules.Model;

/// <summary>What a card is about; the code goes into <c>source.topic</c> and the assessment extension.</summary>
public enum CardKind
{
    /// <summary>Whether the disease is refractory.</summary>
    RefractoryStatus,

    /// <summary>A suggested regimen with its evidence.</summary>
    Regimen,

    /// <summary>A safety warning.</summary>
    Safety,

    /// <summary>Missing data, with the order that would fill it.</summary>
    DataGap,

    /// <summary>An option the source marks "not recommended".</summary>
    NotRecommended,
}

/// <summary>Wire codes of <see cref="CardKind"/> (the project's card-kind CodeSystem).</summary>
public static class CardKinds
{
    /// <summary>The CodeSystem code.</summary>
    public static string Code(this CardKind kind) => kind switch
    {
        CardKind.RefractoryStatus => "refractory-status",
        CardKind.Regimen => "regimen",
        CardKind.Safety => "safety",
        CardKind.DataGap => "data-gap",
        _ => "not-recommended",
    };

    /// <summary>Parses a CodeSystem code.</summary>
    public static bool TryParse(string? code, out CardKind kind)
    {
        foreach (var candidate in Enum.GetValues<CardKind>())
        {
            if (candidate.Code() == code)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The display used in <c>source.topic</c>.</summary>
    public static string Display(this CardKind kind) => kind switch
    {
        CardKind.RefractoryStatus => "Refractory status",
        CardKind.Regimen => "Suggested regimen",
        CardKind.Safety => "Safety warning",
        CardKind.DataGap => "Missing data",
        _ => "Not recommended",
    };
}
