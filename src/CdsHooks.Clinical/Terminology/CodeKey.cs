namespace CdsHooks.Clinical.Terminology;

/// <summary>A code together with its system; a bare code is never compared on its own.</summary>
public readonly record struct CodeKey
{
    /// <summary>Creates a key, normalising ICD-10 codes so that <c>K50.90</c> and <c>K5090</c> match.</summary>
    public CodeKey(string system, string code)
    {
        System = system;
        Code = IsIcd10(system) ? code.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant() : code;
    }

    /// <summary>The code-system URL.</summary>
    public string System { get; }

    /// <summary>The code, normalised for its system.</summary>
    public string Code { get; }

    /// <summary>True for ICD-10 and ICD-10-CM, whose codes are hierarchical by prefix.</summary>
    public static bool IsIcd10(string system) =>
        system is KnownSystems.Icd10Cm or KnownSystems.Icd10;

    /// <inheritdoc/>
    public override string ToString() => $"{System}|{Code}";
}
