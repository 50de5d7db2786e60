using System.ComponentModel.DataAnnotations;

namespace CdsHooks.Service.Demo;

/// <summary>
/// Settings of the read-only demo FHIR endpoint (<c>/fhir</c>) over the synthetic patients in
/// <c>seeds/patients</c>. The endpoint is off unless <see cref="Enabled"/> is set.
/// </summary>
internal sealed class DemoOptions
{
    /// <summary>The configuration section, <c>Demo</c>.</summary>
    public const string SectionName = "Demo";

    /// <summary>The default <see cref="PatientsDirectory"/>, resolved beside the binaries.</summary>
    public const string DefaultPatientsDirectory = "seeds/patients";

    /// <summary>The default <see cref="DefaultPageSize"/>.</summary>
    public const int DefaultDefaultPageSize = 50;

    /// <summary>The default <see cref="MaxPageSize"/>.</summary>
    public const int DefaultMaxPageSize = 500;

    /// <summary>Whether <c>/fhir</c> is served at all. Off by default: demo data must be asked for.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The folder holding <c>index.json</c> and one collection Bundle per patient. A relative path is
    /// resolved against the application's base directory (where the build copies <c>seeds/patients</c>).
    /// </summary>
    [Required]
    public string PatientsDirectory { get; set; } = DefaultPatientsDirectory;

    /// <summary>
    /// Whether every date in a patient's data moves so that the bundle's timestamp (the vignette's
    /// evaluation instant) falls on today; see <see cref="DemoDateShifter"/>.
    /// </summary>
    public bool ShiftDatesToToday { get; set; } = true;

    /// <summary>
    /// Whether the demo page may write orders (MedicationRequest, ServiceRequest) to <c>/fhir</c>, so that accepting a
    /// card's suggestion shows in the chart. Off by default: the endpoint is read-only; the Demo environment turns it on.
    /// </summary>
    public bool AllowWrites { get; set; }

    /// <summary>Entries per search page when the client gives no <c>_count</c>.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = DefaultDefaultPageSize;

    /// <summary>The largest page served; a bigger <c>_count</c> is lowered to it, as FHIR allows.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = DefaultMaxPageSize;

    /// <summary><see cref="PatientsDirectory"/> as an absolute path.</summary>
    /// <returns>The full path.</returns>
    public string ResolvePatientsDirectory()
        => Path.GetFullPath(PatientsDirectory, AppContext.BaseDirectory);
}
