#!/usr/bin/env python3
"""Writes CodeSystem-clinical-findings.json and CodeSystem-demo-tags.json from seeds/patients/LOCAL-CODES.md,
the table where every project-local code used by the demo patients is documented."""
import os, re
from common import write_codesystem

here = os.path.dirname(__file__)
text = open(os.path.join(here, "..", "..", "seeds", "patients", "LOCAL-CODES.md"), encoding="utf-8").read()
section = text.split("## `http://refractorycds.org/fhir/CodeSystem/clinical-findings`", 1)[1].split("\n## ", 1)[0]
concepts = []
for line in section.splitlines():
    m = re.match(r"^\| `([a-z0-9\-]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|", line)
    if m:
        concepts.append((m.group(1), m.group(2).strip(), f"{m.group(4).strip()} (used as {m.group(3).strip()})"))
write_codesystem("clinical-findings", "Clinical findings (project-local codes)",
                 "Findings, scores and answers that have no verified standard code in the project's terminology table. "
                 "A site maps its own codes onto these with a ConceptMap.", concepts)
write_codesystem("demo-tags", "Demo patient tags", "Disease area of a synthetic demo patient.", [
    ("crohns", "Crohn's disease", None), ("lung", "Lung cancer", None), ("crc", "Colorectal cancer liver metastases", None),
    ("sle", "Systemic lupus erythematosus", None), ("cart", "CAR-T for B-cell malignancies", None)])
print(len(concepts), "local codes")
