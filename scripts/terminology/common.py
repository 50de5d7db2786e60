"""Helpers shared by the terminology build scripts: write FHIR R4 CodeSystem and ValueSet JSON."""
import json, os

BASE = "http://refractorycds.org/fhir"
SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
RX = "http://www.nlm.nih.gov/research/umls/rxnorm"
ATC = "http://www.whocc.no/atc"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
LOCAL = BASE + "/CodeSystem/clinical-findings"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "fhir-profiles")
VERSION = "1.0.0"


def c(system, code, display, agent=None, verification=None, synonyms=None):
    return dict(system=system, code=code, display=display, agent=agent, verification=verification, synonyms=synonyms or [])


def _dump(name, resource):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(resource, f, ensure_ascii=False, indent=2)
        f.write("\n")


def _name(id_):
    return "".join(p.capitalize() for p in id_.replace("/", "-").split("-"))


def write_codesystem(id_, title, description, concepts, content="complete"):
    _dump(f"CodeSystem-{id_}.json", {
        "resourceType": "CodeSystem", "id": id_, "url": f"{BASE}/CodeSystem/{id_}", "version": VERSION,
        "name": _name(id_), "title": title, "status": "active", "experimental": False,
        "publisher": "Refractory-disease CDS Hooks project", "description": description,
        "caseSensitive": True, "content": content, "count": len(concepts),
        "concept": [dict({"code": code, "display": display}, **({"definition": d} if d else {})) for code, display, d in concepts],
    })


def write_valueset(id_, title, concepts=(), include=(), prefixes=(), mechanism=None, description=None):
    ext = [{"url": f"{BASE}/StructureDefinition/mechanism-class", "valueCode": mechanism}] if mechanism else []
    includes = []
    by_system = {}
    for k in concepts:
        by_system.setdefault(k["system"], []).append(k)
    for system, ks in by_system.items():
        entries = []
        for k in ks:
            e = {"code": k["code"], "display": k["display"]}
            exts = []
            if k["agent"]:
                exts.append({"url": f"{BASE}/StructureDefinition/agent", "valueCode": k["agent"]})
            if k["verification"]:
                exts.append({"url": f"{BASE}/StructureDefinition/code-verification", "valueString": k["verification"]})
            if exts:
                e = {"extension": exts, **e}
            if k["synonyms"]:
                e["designation"] = [dict({"value": s}, **({"language": "zh"} if any('\u4e00' <= ch <= '\u9fff' for ch in s) else {})) for s in k["synonyms"]]
            entries.append(e)
        includes.append({"system": system, "concept": entries})
    for system, prefix, verification in prefixes:
        includes.append({
            "extension": [{"url": f"{BASE}/StructureDefinition/code-verification", "valueString": verification}],
            "system": system, "filter": [{"property": "concept", "op": "is-a", "value": prefix}]})
    if include:
        includes.append({"valueSet": [f"{BASE}/ValueSet/{i}" for i in include]})
    resource = {"resourceType": "ValueSet", "id": id_}
    if ext:
        resource["extension"] = ext
    resource.update({"url": f"{BASE}/ValueSet/{id_}", "version": VERSION, "name": _name(id_), "title": title,
                     "status": "active", "experimental": False, "publisher": "Refractory-disease CDS Hooks project",
                     "description": description or f"Codes the rule packs use for {title}.",
                     "compose": {"include": includes}})
    _dump(f"ValueSet-{id_}.json", resource)
