#!/usr/bin/env python3
"""Writes the conformance package's profiles, extension definitions, the validation-issue CodeSystem, the ConceptMap
template for site-local codes and the package manifest (package.json) into fhir-profiles/.

The ValueSets and CodeSystems the packs use come from scripts/terminology/*.py. The package index (.index.json),
ValueSet-coded-result-tests.json and docs/data-requirements.md come from the packs and the folder: after this script,
run `dotnet run --project src/CdsHooks.Cli -- requirements --write` (a test fails while they are out of date).

    python3 scripts/conformance/build_profiles.py
"""
import json
import os

BASE = "http://refractorycds.org/fhir"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "fhir-profiles")
VERSION = "1.0.0"
PUBLISHER = "Refractory-disease CDS Hooks project"
UCUM = "http://unitsofmeasure.org"
CORE = "http://hl7.org/fhir/StructureDefinition/"
PATIENT = [CORE + "Patient"]
THERAPY_OUTCOME = BASE + "/ValueSet/therapy-outcome"
CODED_RESULT_TESTS = BASE + "/ValueSet/coded-result-tests"


def dump(name, resource):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(resource, f, ensure_ascii=False, indent=2)
        f.write("\n")


def el(path, short=None, min=None, max=None, types=None, ms=True, binding=None, fixed=None, constraint=None):
    """One differential element. types: list of type codes, or (code, [target resource types])."""
    e = {"id": path, "path": path_of(path)}
    if ":" in path.split(".")[-1]:
        e["sliceName"] = path.split(":")[-1]
    if short:
        e["short"] = short
    if min is not None:
        e["min"] = min
    if max is not None:
        e["max"] = max
    if types:
        e["type"] = []
        for t in types:
            if isinstance(t, tuple):
                e["type"].append({"code": t[0], "targetProfile": [CORE + x for x in t[1]]})
            else:
                e["type"].append({"code": t})
    if fixed:
        e.update(fixed)
    if constraint:
        e["constraint"] = constraint
    if ms:
        e["mustSupport"] = True
    if binding:
        e["binding"] = {"strength": binding[0], "valueSet": binding[1]}
        if len(binding) > 2:
            e["binding"]["description"] = binding[2]
    return e


def path_of(element_id):
    """ElementDefinition.path drops slice names: Observation.value[x]:valueQuantity.system -> Observation.value[x].system."""
    return ".".join(s.split(":")[0] for s in element_id.split("."))


def inv(key, severity, human, expression):
    return {"key": key, "severity": severity, "human": human, "expression": expression, "source": None}


def with_type_slices(elements):
    """Adds, before a type slice's first child, the slicing of its choice element and the slice itself (FHIR R4 form)."""
    out, ids = [], set()
    for e in elements:
        segments = e["id"].split(".")
        for i, segment in enumerate(segments):
            if ":" not in segment:
                continue
            choice_id = ".".join(segments[:i] + [segment.split(":")[0]])
            slice_id = ".".join(segments[:i + 1])
            choice = next((x for x in out if x["id"] == choice_id), None)
            if choice is None:
                choice = {"id": choice_id, "path": path_of(choice_id)}
                out.append(choice)
                ids.add(choice_id)
            choice.setdefault("slicing", {"discriminator": [{"type": "type", "path": "$this"}], "ordered": False, "rules": "open"})
            if slice_id not in ids and slice_id != e["id"]:
                type_name = segment.split(":")[1][len(segment.split(":")[0]) - 3:]
                out.append({"id": slice_id, "path": path_of(slice_id), "sliceName": segment.split(":")[1],
                            "type": [{"code": type_name[0].lower() + type_name[1:] if type_name in ("DateTime", "String") else type_name}]})
                ids.add(slice_id)
        if e["id"] in ids:
            existing = next(x for x in out if x["id"] == e["id"])
            existing.update(e)
        else:
            out.append(e)
            ids.add(e["id"])
    return out


def profile(id_, type_, title, description, elements, base=None, constraints=()):
    elements = with_type_slices(elements)
    root = {"id": type_, "path": type_}
    if constraints:
        root["constraint"] = [dict(c, source=f"{BASE}/StructureDefinition/{id_}") for c in constraints]
    diff = [root] + elements
    for e in diff:
        for c in e.get("constraint", []):
            c["source"] = f"{BASE}/StructureDefinition/{id_}"
    dump(f"StructureDefinition-{id_}.json", {
        "resourceType": "StructureDefinition", "id": id_, "url": f"{BASE}/StructureDefinition/{id_}", "version": VERSION,
        "name": "".join(p.capitalize() for p in id_.split("-")), "title": title, "status": "active", "experimental": False,
        "publisher": PUBLISHER, "description": description, "fhirVersion": "4.0.1", "kind": "resource", "abstract": False,
        "type": type_, "baseDefinition": base or CORE + type_, "derivation": "constraint",
        "differential": {"element": diff},
    })


def extension(id_, title, description, value_type, contexts):
    dump(f"StructureDefinition-{id_}.json", {
        "resourceType": "StructureDefinition", "id": id_, "url": f"{BASE}/StructureDefinition/{id_}", "version": VERSION,
        "name": "".join(p.capitalize() for p in id_.split("-")), "title": title, "status": "active", "experimental": False,
        "publisher": PUBLISHER, "description": description, "fhirVersion": "4.0.1", "kind": "complex-type", "abstract": False,
        "context": [{"type": "element", "expression": c} for c in contexts],
        "type": "Extension", "baseDefinition": CORE + "Extension", "derivation": "constraint",
        "differential": {"element": [
            {"id": "Extension", "path": "Extension", "short": title, "max": "1"},
            {"id": "Extension.extension", "path": "Extension.extension", "max": "0"},
            {"id": "Extension.url", "path": "Extension.url", "fixedUri": f"{BASE}/StructureDefinition/{id_}"},
            {"id": "Extension.value[x]", "path": "Extension.value[x]", "min": 1, "type": [{"code": value_type}]},
        ]},
    })


CODED = "Coded: at least one coding (SNOMED CT, ICD-10-CM, RxNorm, ATC, LOINC or a code mapped from a site code)"


def profiles():
    profile("refractory-condition", "Condition", "Condition the refractory-disease rules read",
            "A diagnosis as the packs read it: a coded diagnosis about the patient with its clinical and verification "
            "status, dated by onsetDateTime or onsetPeriod.start (time since diagnosis, therapy lines since a diagnosis).",
            [
                el("Condition.clinicalStatus", "active | recurrence | relapse | inactive | remission | resolved"),
                el("Condition.verificationStatus", "refuted and entered-in-error diagnoses are ignored"),
                el("Condition.code", "The diagnosis", min=1),
                el("Condition.code.coding", CODED, min=1),
                el("Condition.subject", "The patient", types=[("Reference", ["Patient"])]),
                el("Condition.onset[x]", "When the disease began: onsetDateTime or onsetPeriod.start"),
            ],
            constraints=[inv("rcds-con-1", "warning",
                             "The onset should be an onsetDateTime or an onsetPeriod with a start: the rules date a diagnosis from it.",
                             "onsetDateTime.exists() or onsetPeriod.start.exists()")])

    therapy_common = lambda t: [
        el(f"{t}.status", "How the record stands: active, completed, stopped, ..."),
        el(f"{t}.statusReason", "Why the therapy stopped: a therapy-outcome code, or a SNOMED CT stop reason the ConceptMap maps",
           binding=("extensible", THERAPY_OUTCOME, "The outcome the rules read; SNOMED CT stop reasons count through ConceptMap therapy-outcome-from-snomed")),
        el(f"{t}.medication[x]", "The drug: medicationCodeableConcept, or a reference to a (contained) Medication"),
        el(f"{t}.medication[x]:medicationCodeableConcept.coding", CODED, min=1),
        el(f"{t}.subject", "The patient", types=[("Reference", ["Patient"])]),
    ]
    profile("refractory-medication-statement", "MedicationStatement", "Therapy episode the refractory-disease rules read",
            "A course of a drug as the packs read it: the coded medication, the course as an effectivePeriod (start and, "
            "once stopped, end) and, for a stopped course, why it stopped (statusReason bound to the therapy-outcome "
            "ValueSet). Failed mechanisms, lines of therapy and combination durations are counted from these.",
            therapy_common("MedicationStatement") + [
                el("MedicationStatement.effective[x]", "The course: start, and end once stopped", min=1, types=["Period"]),
            ],
            constraints=[
                inv("rcds-ms-1", "warning", "A stopped or completed therapy should say why in statusReason: the rules read its outcome from it.",
                    "(status = 'stopped' or status = 'completed') implies statusReason.exists()"),
                inv("rcds-ms-2", "warning", "The course should have a start date: lines of therapy and time windows count from it.",
                    "effectivePeriod.start.exists()"),
            ])
    profile("refractory-medication-request", "MedicationRequest", "Medication order the refractory-disease rules read",
            "An order as the packs read it (history where no MedicationStatement of the drug exists, and draft orders in "
            "order-select and order-sign): the coded medication and when it was written.",
            therapy_common("MedicationRequest") + [
                el("MedicationRequest.authoredOn", "When the order was written: the therapy's start"),
                el("MedicationRequest.doNotPerform", "true: an order to stop the drug"),
            ],
            constraints=[inv("rcds-mr-1", "warning", "The order should say when it was written: the rules take it as the therapy's start.",
                             "authoredOn.exists()")])
    profile("refractory-observation", "Observation", "Result the refractory-disease rules read",
            "A measurement or finding as the packs read it: a coded test, dated, with a numeric result in UCUM units "
            "(valueQuantity with system http://unitsofmeasure.org and a code, so that mg/dL and mg/L convert) or a coded "
            "result.",
            [
                el("Observation.status", "entered-in-error and cancelled results are ignored"),
                el("Observation.code", "The test", min=1),
                el("Observation.code.coding", CODED, min=1),
                el("Observation.subject", "The patient", types=[("Reference", ["Patient"])]),
                el("Observation.effective[x]", "When the result applies; windows such as 'in the last 90 days' count from it",
                   min=1, types=["dateTime", "Period", "instant"]),
                el("Observation.value[x]", "The result"),
                el("Observation.value[x]:valueQuantity.value", "The number", min=1),
                el("Observation.value[x]:valueQuantity.system", "UCUM", min=1, fixed={"fixedUri": UCUM}),
                el("Observation.value[x]:valueQuantity.code", "The UCUM unit code, e.g. mg/L", min=1),
                el("Observation.value[x]:valueCodeableConcept.coding", "A coded result", min=1),
                el("Observation.component.value[x]:valueQuantity.system", "UCUM", fixed={"fixedUri": UCUM}),
                el("Observation.component.value[x]:valueCodeableConcept.coding", "A coded component result, e.g. the gene studied", min=1),
            ])
    profile("refractory-coded-result", "Observation", "Coded result (biomarker, status, decision) the refractory-disease rules read",
            "A result the packs compare with a ValueSet of answers (biomarkers such as RAS, BRAF, EGFR, ALK, HER2; "
            "disease status; CD19/BCMA status; MDT decisions; screening tests): it applies to an Observation whose code is "
            "in ValueSet coded-result-tests, and its value must be a coded CodeableConcept, not a number or text.",
            [
                el("Observation.code", "A test whose answer the rules read as a code", binding=("required", CODED_RESULT_TESTS,
                   "The tests the packs read with codedIn or genomicResult")),
                el("Observation.value[x]", "The result as a code, e.g. LOINC LA9633-4 Present", types=["CodeableConcept"]),
            ],
            base=f"{BASE}/StructureDefinition/refractory-observation")
    profile("refractory-procedure", "Procedure", "Procedure the refractory-disease rules read",
            "A procedure as the packs read it (transplant, resection, ablation, CAR-T infusion, seton...): coded, dated "
            "by performedDateTime or performedPeriod, with its outcome where it is a therapy.",
            [
                el("Procedure.status", "completed and in-progress procedures count"),
                el("Procedure.code", "The procedure", min=1),
                el("Procedure.code.coding", CODED, min=1),
                el("Procedure.subject", "The patient", types=[("Reference", ["Patient"])]),
                el("Procedure.performed[x]", "When it was done", min=1, types=["dateTime", "Period"]),
                el("Procedure.outcome", "For a procedure given as a therapy: its outcome",
                   binding=("extensible", THERAPY_OUTCOME, "The outcome the rules read")),
            ])


def extensions():
    extension("agent", "Drug (INN)", "On a ValueSet concept: the drug's international non-proprietary name, lower case; "
              "the engine names drugs and counts mechanisms by it.", "code", ["ValueSet.compose.include.concept"])
    extension("mechanism-class", "Mechanism class", "On a drug ValueSet: the mechanism class (CodeSystem mechanism-class) every "
              "drug in it shares; failed mechanisms are counted by class.", "code", ["ValueSet"])
    extension("code-verification", "How the code was verified", "On a ValueSet concept or ConceptMap element: 'verified: <source>' "
              "or 'unverified: <what was tried>'.", "string", ["ValueSet.compose.include.concept", "ConceptMap.group.element"])


def validation_issues():
    codes = [
        ("FHIR-VAL-001", "Minimum cardinality", "Fewer occurrences than the minimum cardinality."),
        ("FHIR-VAL-002", "Maximum cardinality", "More occurrences than the maximum cardinality."),
        ("FHIR-VAL-003", "Array shape", "An array where one value belongs, or a single value where an array belongs."),
        ("FHIR-VAL-004", "Unknown element", "An element FHIR R4 does not define here."),
        ("FHIR-VAL-005", "Type not allowed", "A choice element of a type the definition or profile does not allow."),
        ("FHIR-VAL-006", "Several choice types", "More than one type of one choice element."),
        ("FHIR-VAL-007", "Wrong JSON type", "The wrong JSON type for the element's FHIR type."),
        ("FHIR-VAL-008", "Invalid primitive", "A primitive value that does not match its type's syntax."),
        ("FHIR-VAL-009", "Fixed value", "A value that differs from the profile's fixed value."),
        ("FHIR-VAL-010", "Pattern", "A value that does not contain the profile's pattern."),
        ("FHIR-VAL-011", "Required binding", "No code from the ValueSet of a required binding."),
        ("FHIR-VAL-012", "Extensible binding", "No code from the ValueSet of an extensible binding."),
        ("FHIR-VAL-013", "Invariant", "An invariant does not hold."),
        ("FHIR-VAL-014", "Reference target", "A reference to a resource type the element does not allow."),
        ("FHIR-VAL-015", "Unknown resource type", "A resource type the validator has no definition of; not validated."),
        ("FHIR-VAL-016", "Unknown profile", "meta.profile names a profile that is not in the package; not checked."),
        ("FHIR-VAL-017", "Empty element", "An element with neither a value nor children, or an empty array."),
        ("FHIR-VAL-018", "Extension value type", "A package extension whose value is of a type its definition does not allow."),
        ("FHIR-VAL-019", "ValueSet unavailable", "A binding's ValueSet is not available, so the code was not checked."),
    ]
    dump("CodeSystem-validation-issue.json", {
        "resourceType": "CodeSystem", "id": "validation-issue", "url": f"{BASE}/CodeSystem/validation-issue", "version": VERSION,
        "name": "ValidationIssue", "title": "Validation finding", "status": "active", "experimental": False, "publisher": PUBLISHER,
        "description": "The stable codes of the project's validator findings (OperationOutcome.issue.details).",
        "caseSensitive": True, "content": "complete", "count": len(codes),
        "concept": [{"code": c, "display": d, "definition": x} for c, d, x in codes],
    })


def concept_map_template():
    dump("example/ConceptMap-site-local-codes.json", {
        "resourceType": "ConceptMap", "id": "site-local-codes", "url": f"{BASE}/ConceptMap/site-local-codes", "version": VERSION,
        "name": "SiteLocalCodes", "title": "Template: a site's local codes mapped to the codes the packs know",
        "status": "draft", "experimental": True, "publisher": PUBLISHER,
        "description": "Copy this file into the profiles directory the service loads (Clinical:ProfilesDirectory), give it "
                       "your own id and url, set each group's source to your code system's URL and list your codes. A code "
                       "mapped with equivalence equivalent, equal, wider, subsumes, narrower, specializes, inexact or relatedto "
                       "is read as its target; unmatched and disjoint are ignored. The readiness report counts mapped codes as "
                       "expected. The codes below are examples.",
        "group": [
            {"source": "http://example.org/fhir/CodeSystem/local-medications", "target": "http://www.nlm.nih.gov/research/umls/rxnorm",
             "element": [
                 {"code": "IFX-100", "display": "Infliximab 100 mg vial (local formulary)",
                  "target": [{"code": "191831", "display": "infliximab", "equivalence": "wider"}]},
                 {"code": "VDZ-300", "display": "Vedolizumab 300 mg (local formulary)",
                  "target": [{"code": "1538097", "display": "vedolizumab", "equivalence": "wider"}]},
             ]},
            {"source": "http://example.org/fhir/CodeSystem/local-lab-tests", "target": "http://loinc.org",
             "element": [
                 {"code": "CRP", "display": "C-reactive protein (local lab code)",
                  "target": [{"code": "1988-5", "display": "C reactive protein [Mass/volume] in Serum or Plasma", "equivalence": "equivalent"}]},
             ]},
            {"source": "http://example.org/fhir/CodeSystem/local-stop-reasons", "target": f"{BASE}/CodeSystem/therapy-outcome",
             "element": [
                 {"code": "LOR", "display": "Lost response (local stop reason)",
                  "target": [{"code": "secondary-loss-of-response", "equivalence": "equivalent"}]},
             ]},
        ],
    })


def manifest():
    dump("package.json", {
        "name": "org.refractorycds.fhir",
        "version": VERSION,
        "canonical": BASE,
        "title": "Refractory-disease CDS Hooks: conformance package",
        "description": "Profiles of the FHIR R4 data the refractory-disease rules read, with the ValueSets, CodeSystems and "
                       "ConceptMaps the knowledge packs use.",
        "fhirVersions": ["4.0.1"],
        "type": "Conformance",
        "dependencies": {"hl7.fhir.r4.core": "4.0.1"},
        "author": PUBLISHER,
        "license": "CC0-1.0",
    })


if __name__ == "__main__":
    profiles()
    extensions()
    validation_issues()
    concept_map_template()
    manifest()
    print(f"wrote profiles, extensions, template and package.json into {os.path.relpath(OUT)}")
