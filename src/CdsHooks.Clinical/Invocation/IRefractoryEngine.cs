using CdsHooks.Protocol.Cards;

namespace CdsHooks.Clinical.Invocation;

/// <summary>Evaluates the loaded knowledge packs for one hook call and returns the cards to send.</summary>
public interface IRefractoryEngine
{
    /// <summary>Evaluates every applicable rule; never throws for bad clinical data, which becomes "unknown".</summary>
    ValueTask<IReadOnlyList<Card>> EvaluateAsync(HookInvocation invocation, CancellationToken cancellationToken);
}
