using System.Text.Json;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>
/// Decides from a prefetched resource's JSON, before it is read into the model, whether any pack could use it. Every
/// criterion names a value set, so a Condition, Procedure, Observation or medication record that is coded, but with
/// no code the terminology knows, can never match one: it is left unread. A patient's record is mostly vital signs and
/// routine labs, and reading them was most of the cost of a call. Anything the check cannot judge from codes is read:
/// a concept with no coding at all (text only, or absent: the conformance check sets it aside, so the criteria it
/// could feed become unknown rather than false), other resource types, medications given by reference, observations
/// linked to a therapy (outcome signals), and concepts of an unexpected shape (so the reader reports them).
/// </summary>
public sealed class ResourceRelevance(KnowledgeBase knowledge)
{
    private readonly TerminologyCatalog _terminology = knowledge.Terminology;

    /// <summary>Whether the resource may matter to a pack, and so must be read.</summary>
    /// <param name="resource">The resource JSON.</param>
    /// <returns><c>false</c> only when no pack could use the resource.</returns>
    public bool MayMatter(JsonElement resource)
    {
        if (_terminology.TextMatching || resource.ValueKind != JsonValueKind.Object
            || !resource.TryGetProperty("resourceType"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        if (type.ValueEquals("Observation"u8))
        {
            return Has(resource, "focus"u8) || Has(resource, "partOf"u8) || Has(resource, "derivedFrom"u8)
                || MayMatch(resource, "code"u8) || Known(resource, "valueCodeableConcept"u8) || ComponentsKnown(resource);
        }

        if (type.ValueEquals("Condition"u8) || type.ValueEquals("Procedure"u8))
        {
            return MayMatch(resource, "code"u8);
        }

        if (type.ValueEquals("MedicationStatement"u8) || type.ValueEquals("MedicationRequest"u8))
        {
            return Has(resource, "medicationReference"u8) || MayMatch(resource, "medicationCodeableConcept"u8);
        }

        return true;
    }

    // The resource's main concept: unread only when it has codings and none is known.
    private bool MayMatch(JsonElement owner, ReadOnlySpan<byte> name) =>
        !owner.TryGetProperty(name, out var concept) || concept.ValueKind != JsonValueKind.Object
        || !concept.TryGetProperty("coding"u8, out var codings) || codings.ValueKind != JsonValueKind.Array
        || codings.GetArrayLength() == 0 || Known(owner, name);

    // A string that is no text (an unpaired surrogate escape) cannot be looked up: the resource is read, and the reader
    // reports it.
    private bool IsKnown(JsonElement system, JsonElement code)
    {
        try
        {
            return _terminology.IsKnown(system.GetString()!, code.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static bool Has(JsonElement resource, ReadOnlySpan<byte> name) => resource.TryGetProperty(name, out _);

    private bool ComponentsKnown(JsonElement resource)
    {
        if (!resource.TryGetProperty("component"u8, out var components))
        {
            return false;
        }

        if (components.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        foreach (var component in components.EnumerateArray())
        {
            if (component.ValueKind != JsonValueKind.Object || Known(component, "code"u8) || Known(component, "valueCodeableConcept"u8))
            {
                return true;
            }
        }

        return false;
    }

    // A concept matters when one of its codings is known; a concept of the wrong shape is read, so the reader reports it.
    private bool Known(JsonElement owner, ReadOnlySpan<byte> name)
    {
        if (!owner.TryGetProperty(name, out var concept))
        {
            return false;
        }

        if (concept.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        if (!concept.TryGetProperty("coding"u8, out var codings))
        {
            return false;
        }

        if (codings.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        foreach (var coding in codings.EnumerateArray())
        {
            if (coding.ValueKind != JsonValueKind.Object)
            {
                return true;
            }

            if (coding.TryGetProperty("system"u8, out var system) && system.ValueKind == JsonValueKind.String
                && coding.TryGetProperty("code"u8, out var code) && code.ValueKind == JsonValueKind.String
                && IsKnown(system, code))
            {
                return true;
            }
        }

        return false;
    }
}
