using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Cards;

/// <summary>The refractory status a status rule's value stands for.</summary>
public static class AssessmentStatus
{
    /// <summary>refractory, not-refractory or insufficient-data.</summary>
    public static string Of(Tri value) => value switch
    {
        Tri.True => "refractory",
        Tri.False => "not-refractory",
        _ => "insufficient-data",
    };
}
