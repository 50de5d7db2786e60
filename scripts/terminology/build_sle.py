#!/usr/bin/env python3
"""Writes the ValueSets of the refractory-SLE pack (seeds/knowledge/sle.yaml) into fhir-profiles/.

Codes come from shared/knowledge/codes.md, which supersedes the extraction's suggestions; every code records how it
was verified. Reuses, read-only, ValueSets written by build_crohns.py (systemic-corticosteroid, methotrexate,
azathioprine, positive-result, pregnancy-test, corticosteroid-dependence-finding). Re-running it overwrites only the
files listed in OWNED.
"""
from common import SCT, LOINC, RX, ATC, ICD, LOCAL, write_valueset, c

V = "verified: "
OH = "OHDSI/PhenotypeLibrary"
CANVAS = "canvas-medical/canvas-plugins canvas_sdk/value_set/v2022/condition.py (Lupus)"
ATCSRC = V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (shared/knowledge/codes.md §2)"
NO_CODE = "local: no RxNorm ingredient and no ATC code (codes.md §2: absent from the Nov 2025 RxNorm ingredient extract and, checked by name, from the 2026-04-25 WHO ATC index)"

OWNED = []


def vs(id_, title, **kw):
    OWNED.append(id_)
    write_valueset(id_, title, **kw)


# ---------------------------------------------------------------- conditions
LUPUS_CODES = [
    c(SCT, "55464009", "Systemic lupus erythematosus", None, V + OH + " inst/cohorts/216.json (codes.md §1)", ["系统性红斑狼疮"]),
    c(SCT, "68815009", "SLE glomerulonephritis syndrome", None, V + OH + " inst/cohorts/668.json (codes.md §1)", ["lupus nephritis", "狼疮肾炎"]),
    c(SCT, "308751000119106", "Glomerular disease due to systemic lupus erythematosus", None, V + OH + " inst/cohorts/119.json (codes.md §1; US extension)"),
    c(SCT, "307755009", "Renal tubulo-interstitial disorder in systemic lupus erythematosus", None, V + OH + " inst/cohorts/119.json (codes.md §1)"),
]
M32_1 = (ICD, "M32.1", V + CANVAS + ": M32.10, M32.14 and M32.15 seen with their titles (codes.md §1); the other M32.1- organ codes "
         "(M32.11 endocarditis, M32.12 pericarditis, M32.13 lung, M32.19 other) follow the same ICD-10-CM subcategory")
vs("sle", "systemic lupus erythematosus (not drug-induced)", concepts=LUPUS_CODES + [
    c(ICD, "M32.9", "Systemic lupus erythematosus, unspecified", None, V + CANVAS + " (codes.md §1)"),
    c(ICD, "M32.8", "Other forms of systemic lupus erythematosus", None, V + CANVAS + " (codes.md §1)"),
], prefixes=[M32_1], description="SLE for the pack scope. Drug-induced lupus (ICD-10-CM M32.0, SNOMED CT 201436003) is deliberately "
   "left out: the source paper is about idiopathic SLE. Systemic sclerosis and other autoimmune diseases are out of scope.")
vs("sle-organ-involvement", "SLE with organ involvement", concepts=LUPUS_CODES[1:], prefixes=[M32_1],
   description="Organ involvement that makes the paper's rule A4 (immunosuppressant from the start) apply: lupus nephritis, "
   "and ICD-10-CM M32.1- (SLE with organ or system involvement). The paper does not define organ involvement (assumption).")

# ---------------------------------------------------------------- drugs
vs("hydroxychloroquine", "hydroxychloroquine", concepts=[
    c(RX, "5521", "hydroxychloroquine", "hydroxychloroquine", V + OH + " inst/cohorts/119.json (codes.md §2)", ["Plaquenil", "羟氯喹", "硫酸羟氯喹"]),
    c(ATC, "P01BA02", "hydroxychloroquine", "hydroxychloroquine", ATCSRC),
])
vs("mycophenolate", "mycophenolate (mofetil or mycophenolic acid)", concepts=[
    c(RX, "68149", "mycophenolate mofetil", "mycophenolate mofetil", V + OH + " inst/cohorts/119.json (codes.md §2)", ["CellCept", "吗替麦考酚酯", "霉酚酸酯"]),
    c(RX, "7145", "mycophenolic acid", "mycophenolic acid", V + "ohdsi-studies/UveitisSafetyEstimation inst/cohorts/9367.json (codes.md §2)", ["Myfortic", "麦考酚钠"]),
    c(ATC, "L04AA06", "mycophenolic acid", "mycophenolic acid", ATCSRC),
])
vs("cyclophosphamide", "cyclophosphamide", concepts=[
    c(RX, "3002", "cyclophosphamide", "cyclophosphamide", V + OH + " inst/cohorts/1318.json (codes.md §2)", ["Cytoxan", "Endoxan", "环磷酰胺"]),
    c(ATC, "L01AA01", "cyclophosphamide", "cyclophosphamide", ATCSRC),
])
vs("voclosporin", "voclosporin", concepts=[
    c(RX, "2475166", "voclosporin", "voclosporin", V + "davidanderson3/rxnorm-ingredients web/data/V.json, commit a8fcf13 (codes.md §2)", ["Lupkynis"]),
])
vs("fludarabine", "fludarabine", concepts=[
    c(RX, "24698", "fludarabine", "fludarabine", V + "nmdp-ig/cibmtr-reporting-ig med-fludarabine-valueset.fsh (codes.md §2)", ["Fludara", "氟达拉滨"]),
    c(ATC, "L01BB05", "fludarabine", "fludarabine", ATCSRC),
])
vs("belimumab", "belimumab", concepts=[
    c(RX, "1092437", "belimumab", "belimumab", V + OH + " inst/cohorts/119.json (codes.md §2)", ["Benlysta", "贝利尤单抗"]),
    c(ATC, "L04AG04", "belimumab", "belimumab", ATCSRC),
    c(ATC, "L04AA26", "belimumab (ATC before 2024)", "belimumab", V + "codes.md: belimumab moved L04AA26 -> L04AG04; the 2021 WHO index has L04AA26 (legacy data)"),
])
vs("telitacicept", "telitacicept", concepts=[
    c(LOCAL, "telitacicept", "Telitacicept", "telitacicept", NO_CODE, ["telitacicept", "泰它西普", "泰爱", "RC18"]),
])
vs("rituximab", "rituximab", concepts=[
    c(RX, "121191", "rituximab", "rituximab", V + OH + " inst/cohorts/1318.json (codes.md §2)", ["Rituxan", "MabThera", "利妥昔单抗", "美罗华"]),
    c(ATC, "L01FA01", "rituximab", "rituximab", ATCSRC),
])
vs("anifrolumab", "anifrolumab", concepts=[
    c(ATC, "L04AG11", "anifrolumab", "anifrolumab", ATCSRC, ["Saphnelo"]),
], description="Anifrolumab by ATC only: its RxNorm ingredient is not confirmed in codes.md. Not named by the paper; "
   "counted as a biologic so that an anifrolumab-treated patient is not read as biologic-naive.")
vs("sle-immunosuppressant", "immunosuppressants used in SLE", include=["methotrexate", "azathioprine", "mycophenolate", "cyclophosphamide", "voclosporin"],
   description="The paper's immunosuppressants (methotrexate, azathioprine, mycophenolate mofetil 'etc.'; cyclophosphamide, its "
   "'cytotoxic immunosuppressant') plus voclosporin. Calcineurin inhibitors other than voclosporin and leflunomide have no "
   "verified code in codes.md and are not included: a site maps them here with a ConceptMap if it counts them.")
vs("sle-biologic", "biologics used in SLE", include=["belimumab", "telitacicept", "rituximab", "anifrolumab"],
   description="B-cell-targeted biologics the paper names (belimumab, telitacicept, rituximab), plus anifrolumab.")
vs("sle-immunosuppressant-or-biologic", "immunosuppressants or biologics used in SLE", include=["sle-immunosuppressant", "sle-biologic"])

# ---------------------------------------------------------------- activity scores and serology
vs("sledai-2k", "SLEDAI-2K total score", concepts=[
    c(LOCAL, "sledai-2k", "SLEDAI-2K total score", None, "local: no LOINC for SLEDAI-2K (codes.md §3)"),
])
vs("bilag-2004", "BILAG-2004 assessment", concepts=[
    c(LOCAL, "bilag-2004", "BILAG-2004 organ domain grades", None, "local: no standard code for BILAG-2004 (codes.md §3); one component per organ domain"),
])
vs("bilag-grade-a", "BILAG-2004 grade A", concepts=[c(LOCAL, "bilag-grade-a", "BILAG-2004 grade A", None, "local")])
vs("bilag-grade-b", "BILAG-2004 grade B", concepts=[c(LOCAL, "bilag-grade-b", "BILAG-2004 grade B", None, "local")])
vs("ana-ifa-titer", "ANA titre by immunofluorescence", concepts=[
    c(LOCAL, "ana-ifa-titer", "Antinuclear antibodies titre by immunofluorescence (reciprocal)", None, "local: the demo patients' code"),
    c(LOINC, "5048-4", "Nuclear Ab [Titer] in Serum by Immunofluorescence", None,
      "verified (repositories not named by the search index): code and this display found together in five public source files "
      "(string search '5048-4', hits 1468833328, 21599771794, 54503962934, 26986528788, 68746871359); codes.md lists it as unverified"),
], description="ANA measured by indirect immunofluorescence, as the trial requires ('免疫荧光法测定抗核抗体'). "
   "ANA by immunoassay is deliberately not included.")
vs("anti-dsdna", "anti-dsDNA antibodies", concepts=[
    c(LOINC, "33799-8", "DNA Double-Stranded Ab, IgG, S", None, V + "Mayo test ADNA (https://stmarysmaine.testcatalog.org/show/ADNA-1) (codes.md §3)"),
    c(LOINC, "5130-0", "DNA double strand Ab [Units/volume] in Serum", None, "unverified: check digit valid, no source pairing code and display (codes.md §3, which says to accept it with 33799-8)"),
])
vs("anti-sm", "anti-Smith (Sm) antibodies", concepts=[
    c(LOCAL, "anti-sm", "Anti-Smith (Sm) antibodies", None, "local: the demo patients' code"),
    c(LOINC, "5356-1", "Smith extractable nuclear Ab [Presence] in Serum by Immunoassay", None,
      "verified (repository not named by the search index): code and this display found together in a public LOINC mapping file "
      "(string search 'Smith extractable nuclear Ab [Presence] in Serum', hit 70896994878); not in codes.md"),
])
vs("serology-positive", "positive qualitative result (any system)", include=["positive-result"], concepts=[
    c(SCT, "10828004", "Positive (qualifier value)", None, V + "mcode/mcode-omop input/fsh/syn_observation.fsh (valueCodeableConcept = SCT#10828004 \"Positive (qualifier value)\")"),
])

# ---------------------------------------------------------------- procedures and referrals
vs("ophthalmic-examination", "ophthalmic examination", concepts=[
    c(SCT, "36228007", "Ophthalmic examination and evaluation (procedure)", None, V + "canvas-medical/canvas-plugins canvas_sdk/value_set/v2022/encounter.py (OphthalmologicalServices) (codes.md §4)"),
])
vs("fertility-preservation-referral", "referral for fertility preservation", concepts=[
    c(LOCAL, "fertility-preservation-referral", "Referral for fertility preservation counselling", None, "local: no verified SNOMED CT concept in codes.md"),
])

if __name__ == "__main__":
    print(len(OWNED), "value sets:", ", ".join(OWNED))
