using System.Diagnostics.CodeAnalysis;
using CdsHooks.Protocol.Hooks;

namespace CdsHooks.Clinical.Services;

/// <summary>
/// The CDS services this product offers: one per hook, all asking for the same patient data. Templates stay within
/// the CDS Hooks query restrictions (<c>_sort</c>, never <c>sort:desc</c>; no repeated parameter), which a test
/// checks with <see cref="Protocol.Prefetch.PrefetchTemplateLint"/>.
/// </summary>
public sealed class CdsServiceCatalog
{
    /// <summary>The prefetch key of the patient read.</summary>
    public const string PatientKey = "patient";

    /// <summary>The patient's data every service asks for. Search pages of 100 keep round trips few when the client
    /// leaves a key to the service; the FHIR client follows <c>next</c> links up to its page bound.</summary>
    public static readonly IReadOnlyList<PrefetchKey> PatientData =
    [
        new(PatientKey, "Patient/{{context.patientId}}", "Patient"),
        new("conditions", "Condition?patient={{context.patientId}}&_count=100", "Condition"),
        new("medicationStatements", "MedicationStatement?patient={{context.patientId}}&_count=100", "MedicationStatement"),
        new("medicationRequests", "MedicationRequest?patient={{context.patientId}}&_count=100", "MedicationRequest"),
        new("observations", "Observation?patient={{context.patientId}}&_sort=-date&_count=100", "Observation"),
        new("procedures", "Procedure?patient={{context.patientId}}&_count=100", "Procedure"),
    ];

    private readonly Dictionary<string, CdsServiceDefinition> _byId;

    /// <summary>Creates the catalog of the standard services.</summary>
    public CdsServiceCatalog()
    {
        Services =
        [
            new CdsServiceDefinition
            {
                Id = "refractory-patient-view",
                Hook = HookNames.PatientView,
                HookVersion = "1.0",
                Title = "Refractory disease: assessment and regimens",
                Description = "Decides from the patient's conditions, therapies, observations and procedures whether the disease is "
                    + "refractory and where the patient stands in their treatment history, and suggests regimens with the evidence "
                    + "behind each, safety warnings, and the tests that would fill missing data. Quiet when nothing applies.",
                Prefetch = PatientData,
            },
            new CdsServiceDefinition
            {
                Id = "refractory-order-select",
                Hook = HookNames.OrderSelect,
                HookVersion = "1.0",
                Title = "Refractory disease: checks on the selected order",
                Description = "Checks a drug being selected against the patient's refractory-disease history: combinations of "
                    + "advanced therapies, screening due before a biologic, targeted JAK or cell therapy, and options the "
                    + "source papers advise against.",
                Prefetch = PatientData,
            },
            new CdsServiceDefinition
            {
                Id = "refractory-order-sign",
                Hook = HookNames.OrderSign,
                HookVersion = "1.1",
                Title = "Refractory disease: safety checks before signing",
                Description = "Repeats the order-time checks on the orders about to be signed. Warns, with what to do; does not block.",
                Prefetch = PatientData,
            },
        ];
        _byId = Services.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>Every service, in discovery order.</summary>
    public IReadOnlyList<CdsServiceDefinition> Services { get; }

    /// <summary>Finds a service by id.</summary>
    /// <param name="id">The id from the URL.</param>
    /// <param name="service">The service, when found.</param>
    /// <returns>Whether the id names a service.</returns>
    public bool TryFind(string id, [NotNullWhen(true)] out CdsServiceDefinition? service) => _byId.TryGetValue(id, out service);
}
