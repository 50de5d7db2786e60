namespace CdsHooks.Service.Security;

/// <summary>A JWKS written into configuration: paste a client's <c>{"keys":[…]}</c> under <c>Jwks</c>.</summary>
public sealed class InlineJwks
{
    /// <summary>The public keys.</summary>
    public IList<InlineJwk> Keys { get; } = [];
}
