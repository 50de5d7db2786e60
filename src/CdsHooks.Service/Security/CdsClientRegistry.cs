using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CdsHooks.Service.Security;

/// <summary>The trusted clients by <c>iss</c>, with their inline keys converted once.</summary>
internal sealed class CdsClientRegistry
{
    private readonly Dictionary<string, RegisteredClient> _clients;

    public CdsClientRegistry(IOptions<CdsAuthenticationOptions> options) =>
        _clients = options.Value.Clients.ToDictionary(
            c => c.Issuer,
            c => new RegisteredClient(c, (c.Jwks?.Keys ?? []).Select(InlineJwkConverter.TryConvert).OfType<JsonWebKey>().ToList()),
            StringComparer.Ordinal);

    public bool Contains(string issuer) => _clients.ContainsKey(issuer);

    public RegisteredClient? Find(string issuer) => _clients.GetValueOrDefault(issuer);

    /// <summary>A registration with its inline keys ready for signature checks.</summary>
    public sealed record RegisteredClient(CdsClientRegistration Registration, IReadOnlyList<JsonWebKey> InlineKeys);
}
