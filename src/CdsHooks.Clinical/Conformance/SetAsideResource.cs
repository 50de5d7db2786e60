using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation;

namespace CdsHooks.Clinical.Conformance;

/// <summary>A resource of the patient that failed its profile and was not used.</summary>
/// <param name="Resource">The resource as read.</param>
/// <param name="Report">The validation findings.</param>
public sealed record SetAsideResource(Resource Resource, ValidationReport Report)
{
    /// <summary>Why, in words without patient data: the profile and the first error with its location.</summary>
    public string Reason
    {
        get
        {
            var first = Report.Errors.FirstOrDefault();
            string profiles = string.Join(", ", Report.Profiles.Skip(1).Select(p => p[(p.LastIndexOf('/') + 1)..]));
            string where = first?.Expression is [var at, ..] ? $"{at}: " : "";
            return $"it does not conform to {(profiles.Length > 0 ? profiles : "FHIR R4")} ({where}{first?.Diagnostics})";
        }
    }
}
