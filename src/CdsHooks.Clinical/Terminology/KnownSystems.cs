namespace CdsHooks.Clinical.Terminology;

/// <summary>Code-system and extension URLs the engine understands. Wire strings are named once, here.</summary>
public static class KnownSystems
{
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>RxNorm.</summary>
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>WHO ATC.</summary>
    public const string Atc = "http://www.whocc.no/atc";

    /// <summary>ICD-10-CM.</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>WHO ICD-10.</summary>
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";

    /// <summary>UCUM units.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>HL7 v3 observation interpretation (H, L, N, POS...).</summary>
    public const string ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /// <summary>HL7 condition clinical status.</summary>
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    /// <summary>HL7 condition verification status.</summary>
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    /// <summary>Canonical base of this project's conformance resources.</summary>
    public const string ProjectBase = "http://refractorycds.org/fhir";

    /// <summary>The project's therapy-outcome CodeSystem.</summary>
    public const string TherapyOutcome = ProjectBase + "/CodeSystem/therapy-outcome";

    /// <summary>The project's mechanism-class CodeSystem.</summary>
    public const string MechanismClass = ProjectBase + "/CodeSystem/mechanism-class";

    /// <summary>The project's card-kind CodeSystem (used in <c>source.topic</c>).</summary>
    public const string CardKind = ProjectBase + "/CodeSystem/card-kind";

    /// <summary>The project's override-reason CodeSystem.</summary>
    public const string OverrideReason = ProjectBase + "/CodeSystem/override-reason";

    /// <summary>Extension on a ValueSet concept naming the drug's INN (lower case).</summary>
    public const string AgentExtension = ProjectBase + "/StructureDefinition/agent";

    /// <summary>Extension on a ValueSet naming the mechanism class all its drugs share.</summary>
    public const string MechanismClassExtension = ProjectBase + "/StructureDefinition/mechanism-class";

    /// <summary>Extension on a ValueSet concept recording how the code was verified.</summary>
    public const string CodeVerificationExtension = ProjectBase + "/StructureDefinition/code-verification";

    /// <summary>Prefix of the canonical URL of every project ValueSet.</summary>
    public const string ValueSetUrlPrefix = ProjectBase + "/ValueSet/";
}
