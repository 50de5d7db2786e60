namespace CdsHooks.Fhir.Model;

/// <summary>
/// A small, typed FHIR R4 model on System.Text.Json: the seam that stands in for Hl7.Fhir.R4
/// (Firely), which cannot be restored on this platform.
/// </summary>
/// <remarks>
/// <para>Type and member names follow Firely's (<c>Patient.BirthDate</c>, <c>Observation.Value</c>,
/// <c>Reference.ReferenceValue</c>, ...) so swapping in Firely later is a small, mechanical change
/// confined to this project and its callers' <c>using</c> lines.</para>
/// <para>Reading is tolerant: every datatype, backbone element and resource keeps unknown JSON members
/// in <c>AdditionalElements</c>. Choice elements (<c>value[x]</c>, <c>effective[x]</c>, ...) are separate
/// wire properties plus one <c>[JsonIgnore]</c> accessor returning a <see cref="ChoiceValue"/>, a closed
/// union of the allowed types.</para>
/// <para>Dates keep their FHIR precision through <see cref="FhirDateTime"/>.</para>
/// <para>Properties have setters, not <c>init</c>: System.Text.Json's source generator reads init-only members
/// through its parameterized-constructor path, which boxes every member into an argument array and made reading
/// a patient's prefetch 2–3 times slower (docs/adr/0001-settable-fhir-model.md). The model is a data-transfer
/// layer: code reads a resource once into the engine's immutable timeline and never changes it afterwards.</para>
/// </remarks>
internal static class NamespaceDoc;
