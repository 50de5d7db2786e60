using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>Human text for a coded concept: its text, else the first coding's display.</summary>
public static class ConceptText
{
    /// <summary>The concept's text or first display, or null.</summary>
    public static string? Of(CodeableConcept? concept)
    {
        if (!string.IsNullOrWhiteSpace(concept?.Text))
        {
            return concept.Text;
        }

        if (concept?.Coding is { } codings)
        {
            for (int i = 0; i < codings.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(codings[i].Display))
                {
                    return codings[i].Display;
                }
            }
        }

        return null;
    }

    /// <summary>The first code of the concept, or null.</summary>
    public static string? FirstCode(CodeableConcept? concept)
    {
        if (concept?.Coding is { } codings)
        {
            for (int i = 0; i < codings.Count; i++)
            {
                if (codings[i].Code is { Length: > 0 } code)
                {
                    return code;
                }
            }
        }

        return null;
    }
}
