using CdsHooks.Protocol.Hooks;

namespace CdsHooks.Protocol.Prefetch;

/// <summary>
/// The values a prefetch template may refer to: the hook's root-level primitive context fields
/// (<c>{{context.patientId}}</c>), the user tokens derived from <c>context.userId</c>
/// (<c>{{userPractitionerId}}</c> and its siblings, CDS Hooks 2.0) and today's date for the 3.0 form <c>{{today()}}</c>.
/// </summary>
public sealed record PrefetchTokenContext
{
    private static readonly (string ResourceType, string Token)[] UserTokenTypes =
    [
        ("Practitioner", PrefetchTokens.UserPractitionerId),
        ("PractitionerRole", PrefetchTokens.UserPractitionerRoleId),
        ("Patient", PrefetchTokens.UserPatientId),
        ("RelatedPerson", PrefetchTokens.UserRelatedPersonId),
    ];

    /// <summary>Root-level primitive context fields by name (<c>patientId</c>, <c>userId</c>, <c>encounterId</c>).</summary>
    public required IReadOnlyDictionary<string, string> ContextFields { get; init; }

    /// <summary>Today's date in the service's clock (from the host's <see cref="TimeProvider"/>).</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Builds the token context of a parsed hook context.</summary>
    /// <param name="context">The hook context.</param>
    /// <param name="today">Today's date.</param>
    /// <returns>The token context.</returns>
    public static PrefetchTokenContext From(HookContext context, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PrefetchTokenContext { ContextFields = context.PrefetchTokens, Today = today };
    }

    /// <summary>
    /// The value of a user token, derived from <c>context.userId</c>: <c>Practitioner/123</c> gives
    /// <c>userPractitionerId</c> = <c>123</c> and no value for the other three.
    /// </summary>
    /// <param name="token">One of <see cref="PrefetchTokens"/>' user token names.</param>
    /// <param name="value">The id, when the user is of the token's resource type.</param>
    /// <returns><c>true</c> when the token has a value.</returns>
    public bool TryGetUserToken(string token, out string value)
    {
        value = string.Empty;
        if (!ContextFields.TryGetValue("userId", out string? userId))
        {
            return false;
        }

        int slash = userId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == userId.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<char> type = userId.AsSpan(0, slash);
        foreach ((string resourceType, string name) in UserTokenTypes)
        {
            if (string.Equals(name, token, StringComparison.Ordinal) && type.SequenceEqual(resourceType))
            {
                value = userId[(slash + 1)..];
                return true;
            }
        }

        return false;
    }
}
