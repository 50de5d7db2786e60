namespace CdsHooks.Protocol.Hooks;

/// <summary>The context of <c>patient-view</c> (hookVersion 1.0): <c>userId</c>, <c>patientId</c>, optional <c>encounterId</c>.</summary>
public sealed record PatientViewContext : HookContext
{
    /// <inheritdoc />
    public override string Hook => HookNames.PatientView;
}
