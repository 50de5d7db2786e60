namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Coding</c>: a code defined by a terminology system.</summary>
public sealed record Coding : Element
{
    /// <summary>Identity of the terminology system (a URI).</summary>
    public string? System { get; set; }

    /// <summary>Version of the system, if relevant.</summary>
    public string? Version { get; set; }

    /// <summary>Symbol in syntax defined by the system.</summary>
    public string? Code { get; set; }

    /// <summary>Representation defined by the system.</summary>
    public string? Display { get; set; }

    /// <summary>Whether this coding was chosen directly by the user.</summary>
    public bool? UserSelected { get; set; }
}
