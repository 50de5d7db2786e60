namespace CdsHooks.Clinical.Terminology;

/// <summary>A concept of a loaded CodeSystem.</summary>
/// <param name="Code">The code.</param>
/// <param name="Display">The display.</param>
/// <param name="Definition">The definition, if given.</param>
public sealed record CodeSystemConcept(string Code, string Display, string? Definition);
