namespace CdsHooks.Protocol.Hooks;

/// <summary>The hook names this service understands (CDS Hooks library STU1).</summary>
public static class HookNames
{
    /// <summary><c>patient-view</c>: the user opened a patient's record.</summary>
    public const string PatientView = "patient-view";

    /// <summary><c>order-select</c>: the user selected one or more new orders.</summary>
    public const string OrderSelect = "order-select";

    /// <summary><c>order-sign</c>: the user is about to sign one or more orders.</summary>
    public const string OrderSign = "order-sign";

    /// <summary><c>encounter-start</c>: the user is starting a new encounter or admitting a patient.</summary>
    public const string EncounterStart = "encounter-start";
}
