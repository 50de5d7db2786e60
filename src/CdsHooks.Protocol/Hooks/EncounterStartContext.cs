namespace CdsHooks.Protocol.Hooks;

/// <summary>
/// The context of <c>encounter-start</c> (hookVersion 1.0): <c>userId</c>, <c>patientId</c> and a REQUIRED
/// <c>encounterId</c>; <see cref="HookContext.Parse"/> guarantees <see cref="HookContext.EncounterId"/> is set.
/// </summary>
public sealed record EncounterStartContext : HookContext
{
    /// <inheritdoc />
    public override string Hook => HookNames.EncounterStart;
}
