namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// The data one criterion reads: the resource types, the value set their code must be in, the elements it reads, and
/// the value sets of answers it compares a coded result with.
/// </summary>
/// <param name="Role">diagnosis, therapy, result, procedure or demographic.</param>
/// <param name="ResourceTypes">The resource types that can supply it.</param>
/// <param name="ValueSet">The value set id the code must be in; null for demographics.</param>
/// <param name="Elements">The elements read, e.g. <c>MedicationStatement.statusReason</c>.</param>
/// <param name="AnswerValueSets">Value sets of coded answers (<c>codedIn</c>, genes studied).</param>
public sealed record DataNeed(string Role, IReadOnlyList<string> ResourceTypes, string? ValueSet, IReadOnlyList<string> Elements, IReadOnlyList<string> AnswerValueSets);
