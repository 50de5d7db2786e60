#!/usr/bin/env python3
"""Writes the ValueSets and the CodeSystem of the `car-t-b-cell` pack (CAR-T for relapsed/refractory B-cell
malignancies) into fhir-profiles/.

Every file this script owns is named `ValueSet-cart-*.json` or `CodeSystem-car-t-product.json`; re-running it
overwrites only those. Codes come from shared/knowledge/codes.md (which supersedes the extraction's section 6);
each carries how it was verified. Value sets of the Crohn's pack are reused read-only through `include`.
"""
from common import BASE, SCT, LOINC, RX, ATC, ICD, LOCAL, write_codesystem, write_valueset, c

V = "verified: "
OH = "OHDSI/PhenotypeLibrary inst/cohorts/"
CANVAS = "canvas-medical/canvas-plugins canvas_sdk/value_set/"
MCODE = "HL7/fhir-mCODE-ig data-dictionary/mCODEDataDictionary-STU4.json (Primary Malignant Neoplasm Disorder Value Set)"
ATCSRC = V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (codes.md §2)"
RXING = "davidanderson3/rxnorm-ingredients web/data/{}.json (commit a8fcf13)"
CIBMTR = "nmdp-ig/cibmtr-reporting-ig build/input/fsh/terminology/"
PRODUCT = BASE + "/CodeSystem/car-t-product"
NO_CODE = "local: no RxNorm ingredient and no ATC code (codes.md §2, 'Drugs with no RxNorm code', checked by name); NMPA-only product"


def vs(id_, title, **kw):
    write_valueset("cart-" + id_, title, **kw)


# ---------------------------------------------------------------- local CodeSystem for NMPA-only products
NMPA = [
    ("relmacabtagene-autoleucel", "relmacabtagene autoleucel (Relma-cel, 倍诺达 / 瑞基奥仑赛注射液)", "CD19 CAR-T, NMPA 2021/9 r/r LBCL (Table 2)."),
    ("inaticabtagene-autoleucel", "inaticabtagene autoleucel (源瑞达 / 纳基奥仑赛注射液)", "CD19 CAR-T, NMPA 2023/11 adult B-ALL (Table 2)."),
    ("equecabtagene-autoleucel", "equecabtagene autoleucel (福可苏 / 伊基奥仑赛注射液)", "BCMA CAR-T, NMPA 2023/6 r/r MM (Table 2)."),
    ("zevorcabtagene-autoleucel", "zevorcabtagene autoleucel (赛恺泽 / 泽沃基奥仑赛注射液)", "BCMA CAR-T, NMPA 2024/2 r/r MM (Table 2)."),
]
write_codesystem("car-t-product", "CAR-T products without RxNorm or ATC codes",
                 "NMPA-approved CAR-T products that have no RxNorm ingredient and no ATC code (codes.md §2). "
                 "A site maps its own codes (for example NMPA approval numbers) onto these with a ConceptMap.", NMPA)

# ---------------------------------------------------------------- diseases
vs("b-all", "B-cell acute lymphoblastic leukaemia", concepts=[
    c(SCT, "277571004", "B-cell acute lymphoblastic leukemia", None, V + CANVAS + "v2022/condition.py (codes.md §1)"),
    c(SCT, "277572006", "Precursor B-cell acute lymphoblastic leukemia", None, V + CANVAS + "v2022/condition.py (codes.md §1)"),
    c(SCT, "425688002", "Philadelphia chromosome-positive acute lymphoblastic leukemia", None, V + CANVAS + "v2022/condition.py (codes.md §1)"),
])
vs("all-lineage-unspecified", "acute lymphoblastic leukaemia, B or T lineage not stated", concepts=[
    c(SCT, "91857003", "Acute lymphoid leukemia", None, V + CANVAS + "v2022/condition.py (codes.md §1)"),
], prefixes=[(ICD, "C91.0", V + MCODE + ": C91.00, C91.01, C91.02 (codes.md §1); ICD-10-CM does not separate B from T lineage")],
   description="Acute lymphoblastic leukaemia coded without its lineage. The pack treats it as B-ALL only with a positive CD19 result.")
vs("large-b-cell-lymphoma", "large B-cell lymphoma (DLBCL, PMBCL, HGBL coded as DLBCL, transformed FL)", concepts=[
    c(SCT, "109969005", "Diffuse non-Hodgkin's lymphoma, large cell", None, V + CANVAS + "v2022/condition.py (codes.md §1; not the UK-extension 847741000000106)"),
    c(SCT, "444910004", "Primary mediastinal (thymic) large B-cell lymphoma", None, V + CANVAS + "v2022/condition.py (codes.md §1)"),
], prefixes=[(ICD, "C83.3", V + MCODE + ": C83.30, C83.38 (codes.md §1)"),
             (ICD, "C85.2", V + MCODE + ": C85.20 (codes.md §1)")])
vs("pmbcl", "primary mediastinal large B-cell lymphoma", concepts=[
    c(SCT, "444910004", "Primary mediastinal (thymic) large B-cell lymphoma", None, V + CANVAS + "v2022/condition.py (codes.md §1)"),
], prefixes=[(ICD, "C85.2", V + MCODE + ": C85.20 (codes.md §1)")])
vs("follicular-lymphoma", "follicular lymphoma", concepts=[
    c(SCT, "308121000", "Follicular non-Hodgkin's lymphoma", None, V + OH + "643.json (codes.md §1)"),
], prefixes=[(ICD, "C82", V + MCODE + ": C82.90 (codes.md §1); C82.0-C82.9 family")])
vs("mantle-cell-lymphoma", "mantle cell lymphoma", concepts=[
    c(SCT, "443487006", "Mantle cell lymphoma", None, V + OH + "1029.json (codes.md §1)"),
], prefixes=[(ICD, "C83.1", V + MCODE + ": C83.10 (codes.md §1)")])
vs("cll-sll", "chronic lymphocytic leukaemia / small lymphocytic lymphoma", concepts=[
    c(SCT, "92814006", "Chronic lymphoid leukemia", None, V + OH + "1027.json (codes.md §1)"),
    c(SCT, "277473004", "B-cell chronic lymphocytic leukemia", None, V + OH + "945.json (codes.md §1)"),
], prefixes=[(ICD, "C91.1", V + MCODE + ": C91.10, C91.11, C91.12 (codes.md §1)"),
             (ICD, "C83.0", V + MCODE + ": C83.00 small cell B-cell lymphoma (codes.md §1)")])
vs("multiple-myeloma", "multiple myeloma", concepts=[
    c(SCT, "109989006", "Multiple myeloma", None, V + OH + "1318.json (codes.md §1)"),
], prefixes=[(ICD, "C90.0", V + MCODE + ": C90.00, C90.01, C90.02 (codes.md §1)")])
vs("b-cell-malignancy", "B-cell malignancies with an approved CAR-T product (pack scope)",
   include=["cart-b-all", "cart-all-lineage-unspecified", "cart-large-b-cell-lymphoma", "cart-follicular-lymphoma",
            "cart-mantle-cell-lymphoma", "cart-cll-sll", "cart-multiple-myeloma"])
vs("active-infection", "active infection (defer lymphodepletion and infusion)", concepts=[
    c(SCT, "233604007", "Pneumonia", None, V + OH + "1073.json (codes.md §1)"),
], prefixes=[(ICD, "J18", V + CANVAS + "v2022/condition.py: J18.9 Pneumonia, unspecified organism (codes.md §1); J18 family"),
             (ICD, "A41", V + CANVAS + "v2026/no_qdm_category_assigned.py: A41.9 Sepsis, unspecified organism (codes.md §1); A41 family")],
   include=["active-tuberculosis"])
vs("hypogammaglobulinaemia", "hypogammaglobulinaemia", concepts=[
    c(ICD, "D80.1", "Nonfamilial hypogammaglobulinemia", None, V + CANVAS + "v2022/condition.py (codes.md §1)"),
])

# ---------------------------------------------------------------- observations (local codes: seeds/patients/LOCAL-CODES.md)
def local(code, display, note="local: no standard code in codes.md (seeds/patients/LOCAL-CODES.md)"):
    return c(LOCAL, code, display, None, note)


vs("disease-response", "disease response assessment", concepts=[local("disease-response", "Disease response assessment (haematological malignancy)")])
vs("relapse-or-refractory", "relapse, progression or no response", concepts=[
    local("relapse", "Relapse"), local("progression", "Progression"), local("no-response", "No response (refractory)")])
vs("no-response", "no response (refractory)", concepts=[local("no-response", "No response (refractory)")])
vs("relapse", "relapse", concepts=[local("relapse", "Relapse")])
vs("cd19-status", "CD19 expression on blasts or tumour", concepts=[local("cd19-status", "CD19 expression")])
vs("bcma-status", "BCMA expression on plasma cells", concepts=[local("bcma-status", "BCMA expression on plasma cells (marrow IHC)")])
vs("histologic-transformation", "histological transformation to aggressive lymphoma",
   concepts=[local("histologic-transformation", "Histological transformation to aggressive lymphoma")])
vs("oxygen-flow", "supplemental oxygen flow", concepts=[local("supplemental-oxygen-flow", "Supplemental oxygen flow rate")])
vs("vasopressor", "vasopressor required", concepts=[local("vasopressor-required", "Vasopressor required")])
vs("igg", "serum IgG", concepts=[
    c(LOINC, "2465-3", "IgG [Mass/volume] in Serum or Plasma", None, V + "Labcorp test 203836 LOINC map, https://zh.labcorp.com/tests/203836 (codes.md §3)")])
vs("neutrophils", "absolute neutrophil count", concepts=[
    c(LOINC, "751-8", "Neutrophils [#/volume] in Blood by Automated count", None, V + CIBMTR + "observations/auto-differential-blood-valueset.fsh (codes.md §3)")])
vs("ldh", "lactate dehydrogenase", concepts=[
    c(LOINC, "2532-0", "Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma", None, V + "HL7/fhir-mCODE-ig mCODEDataDictionary-STU4.json, Tumor Marker Test Value Set (codes.md §3)")])
vs("ecog", "ECOG performance status", concepts=[
    c(LOINC, "89247-1", "ECOG Performance Status score", None, V + "HL7/fhir-mCODE-ig input/fsh/EX_Basic.fsh (codes.md §3)")])
vs("body-temperature", "body temperature", concepts=[
    c(LOINC, "8310-5", "Body temperature", None, V + OH + "208.json (codes.md §3)")])
vs("systolic-bp", "systolic blood pressure", concepts=[
    c(LOINC, "8480-6", "Systolic blood pressure", None, V + CANVAS + "v2026/physical_exam.py (codes.md §3)")])
vs("fibrinogen", "fibrinogen", concepts=[
    c(LOINC, "3255-7", "Fibrinogen [Mass/volume] in Platelet poor plasma by Coagulation assay", None,
      V + "ARUP Laboratories test 0030130, component Fibrinogen LOINC 3255-7 (https://ltd.aruplab.com/Tests/Pub/0030130); listed unverified in codes.md §3, checked for this pack")])
vs("d-dimer", "D-dimer", concepts=[
    c(LOINC, "48065-7", "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma", None,
      V + "HL7 PACIO sample-data IG, Observation betsysmith-johnson01-obs-ddimer-coag-panel (https://build.fhir.org/ig/paciowg/sample-data-fsh/Observation-betsysmith-johnson01-obs-ddimer-coag-panel.html); listed unverified in codes.md §3, checked for this pack")])
vs("car-t-infusion", "CAR-T cell infusion (procedure or referral, product not stated)",
   concepts=[local("car-t-infusion", "CAR-T cell infusion", "local: codes.md §4 has no SNOMED CT CAR-T procedure concept")])

# ---------------------------------------------------------------- drugs: one value set per mechanism class
def drug(inn, rx, rxsrc, atc=None, syn=None):
    out = [c(RX, rx, inn, inn, V + rxsrc + " (codes.md §2)", syn)]
    if atc:
        out.append(c(ATC, atc, inn, inn, ATCSRC))
    return out


CLASSES = [
    ("anti-cd20", "anti-CD20 antibodies", drug("rituximab", "121191", OH + "1318.json", "L01FA01", ["Rituxan", "利妥昔单抗"])
     + drug("obinutuzumab", "974779", OH + "1318.json", "L01FA03")),
    ("alkylating-agent", "alkylating agents", drug("cyclophosphamide", "3002", OH + "1318.json", "L01AA01")
     + drug("ifosfamide", "5657", OH + "1318.json", "L01AA06") + drug("bendamustine", "134547", OH + "1318.json", "L01AA09")),
    ("anthracycline", "anthracyclines", drug("doxorubicin", "3639", OH + "1244.json", "L01DB01")),
    ("vinca-alkaloid", "vinca alkaloids", drug("vincristine", "11202", OH + "1318.json", "L01CA02")),
    ("platinum", "platinum compounds", drug("cisplatin", "2555", OH + "1217.json", "L01XA01") + drug("carboplatin", "40048", OH + "1217.json", "L01XA02")),
    ("topoisomerase-ii-inhibitor", "topoisomerase II inhibitors", drug("etoposide", "4179", OH + "1244.json", "L01CB01")),
    ("pyrimidine-analogue", "pyrimidine analogues", drug("cytarabine", "3041", CIBMTR + "medications/med-cytarabine-valueset.fsh", "L01BC01")
     + drug("gemcitabine", "12574", OH + "1244.json", "L01BC05")),
    ("purine-analogue", "purine analogues", drug("fludarabine", "24698", CIBMTR + "medications/med-fludarabine-valueset.fsh", "L01BB05")),
    ("anti-cd79b-adc", "anti-CD79b antibody-drug conjugates", drug("polatuzumab vedotin", "2174090", OH + "1318.json", "L01FX14")),
    ("cd20-cd3-bispecific", "CD20xCD3 bispecific antibodies", drug("glofitamab", "2639782", RXING.format("G"))
     + drug("epcoritamab", "2637392", OH + "1318.json") + drug("mosunetuzumab", "2625122", RXING.format("M"))),
    ("btk-inhibitor", "BTK inhibitors", drug("ibrutinib", "1442981", OH + "1318.json", "L01EL01")
     + drug("acalabrutinib", "1986808", OH + "1318.json", "L01EL02") + drug("zanubrutinib", "2262435", OH + "1318.json", "L01EL03")
     + drug("pirtobrutinib", "2629338", RXING.format("P"))),
    ("bcl2-inhibitor", "BCL-2 inhibitors", drug("venetoclax", "1747556", RXING.format("V"), "L01XX52")),
    ("proteasome-inhibitor", "proteasome inhibitors", drug("bortezomib", "358258", CIBMTR + "medications/med-bortezomib-valueset.fsh", "L01XG01")
     + drug("carfilzomib", "1302966", CIBMTR + "medications/med-form2400-post-hct-disease-therapy-valueset.fsh", "L01XG02")
     + drug("ixazomib", "1723735", CIBMTR + "medications/med-form2400-post-hct-disease-therapy-valueset.fsh", "L01XG03")),
    ("immunomodulatory-drug", "immunomodulatory drugs (IMiDs)", drug("lenalidomide", "342369", OH + "1318.json", "L04AX04")
     + drug("pomalidomide", "1369713", OH + "1318.json", "L04AX06") + drug("thalidomide", "10432", OH + "1318.json", "L04AX02")),
    ("anti-cd38", "anti-CD38 antibodies", drug("daratumumab", "1721947", OH + "1318.json", "L01FC01")
     + drug("isatuximab", "2282018", OH + "1318.json", "L01FC02")),
    ("bcma-directed", "BCMA-directed therapy other than CAR-T", drug("belantamab mafodotin", "2387834", OH + "1318.json", "L01FX15")
     + drug("teclistamab", "2619426", RXING.format("T")) + drug("elranatamab", "2644880", RXING.format("E"))),
    ("cd19-bispecific", "CD19-directed bispecific antibodies", drug("blinatumomab", "1597258", OH + "1318.json", "L01FX07")),
    ("anti-cd22-adc", "anti-CD22 antibody-drug conjugates", drug("inotuzumab ozogamicin", "1942950", OH + "1318.json", "L01FB01")),
    ("bcr-abl-tki", "BCR::ABL1 tyrosine-kinase inhibitors", drug("imatinib", "282388", OH + "1318.json", "L01EA01")
     + drug("dasatinib", "475342", OH + "1318.json", "L01EA02") + drug("ponatinib", "1364347", OH + "1318.json", "L01EA05")),
]
for mechanism, title, concepts in CLASSES:
    vs(mechanism, title, concepts=concepts, mechanism=mechanism)

# ---------------------------------------------------------------- CAR-T products (Table 2), one value set each
PRODUCTS = {
    "tisagenlecleucel": drug("tisagenlecleucel", "1986438", OH + "1318.json", "L01XL04", ["Kymriah", "tisa-cel", "CTL019"]),
    "axicabtagene-ciloleucel": drug("axicabtagene ciloleucel", "1987398", OH + "1318.json", "L01XL03",
                                    ["Yescarta", "axi-cel", "奕凯达", "阿基仑赛注射液"]),
    "brexucabtagene-autoleucel": drug("brexucabtagene autoleucel", "2387277", OH + "1318.json", "L01XL06", ["Tecartus", "brexu-cel"]),
    "lisocabtagene-maraleucel": drug("lisocabtagene maraleucel", "2479136", OH + "1318.json", "L01XL08", ["Breyanzi", "liso-cel"]),
    "relmacabtagene-autoleucel": [c(PRODUCT, "relmacabtagene-autoleucel", "relmacabtagene autoleucel", "relmacabtagene autoleucel", NO_CODE,
                                    ["Relma-cel", "倍诺达", "瑞基奥仑赛注射液"])],
    "inaticabtagene-autoleucel": [c(PRODUCT, "inaticabtagene-autoleucel", "inaticabtagene autoleucel", "inaticabtagene autoleucel", NO_CODE,
                                    ["源瑞达", "纳基奥仑赛注射液"])],
    "idecabtagene-vicleucel": drug("idecabtagene vicleucel", "2536430", OH + "1318.json", "L01XL07", ["Abecma", "ide-cel", "bb2121"]),
    "ciltacabtagene-autoleucel": drug("ciltacabtagene autoleucel", "2594775", OH + "1318.json", "L01XL05", ["Carvykti", "cilta-cel"]),
    "equecabtagene-autoleucel": [c(PRODUCT, "equecabtagene-autoleucel", "equecabtagene autoleucel", "equecabtagene autoleucel", NO_CODE,
                                   ["福可苏", "伊基奥仑赛注射液"])],
    "zevorcabtagene-autoleucel": [c(PRODUCT, "zevorcabtagene-autoleucel", "zevorcabtagene autoleucel", "zevorcabtagene autoleucel", NO_CODE,
                                    ["赛恺泽", "泽沃基奥仑赛注射液"])],
}
for inn_id, concepts in PRODUCTS.items():
    vs(inn_id, inn_id.replace("-", " "), concepts=concepts)

CD19 = ["tisagenlecleucel", "axicabtagene-ciloleucel", "brexucabtagene-autoleucel", "lisocabtagene-maraleucel",
        "relmacabtagene-autoleucel", "inaticabtagene-autoleucel"]
BCMA = ["idecabtagene-vicleucel", "ciltacabtagene-autoleucel", "equecabtagene-autoleucel", "zevorcabtagene-autoleucel"]
# Listed directly (not included) so that the mechanism class reaches each product's codes.
vs("cd19-car-t", "CD19-directed CAR-T products", mechanism="cd19-car-t",
   concepts=[k for p in CD19 for k in PRODUCTS[p]]
   + drug("obecabtagene autoleucel", "2698195", RXING.format("O"), "L01XL12", ["Aucatzyl", "AUTO1"]),
   description="CD19 CAR-T products of Table 2, and obecabtagene autoleucel (FDA 2024, after the paper's search; general knowledge) so that a prior infusion is recognised.")
vs("bcma-car-t", "BCMA-directed CAR-T products", mechanism="bcma-car-t", concepts=[k for p in BCMA for k in PRODUCTS[p]])
vs("car-t-product", "CAR-T products", include=["cart-cd19-car-t", "cart-bcma-car-t"])
vs("car-t-order", "CAR-T product or CAR-T referral", include=["cart-car-t-product", "cart-car-t-infusion"])
vs("lbcl-car-t-product", "CAR-T products with a large B-cell lymphoma indication",
   include=["cart-tisagenlecleucel", "cart-axicabtagene-ciloleucel", "cart-lisocabtagene-maraleucel", "cart-relmacabtagene-autoleucel"])
vs("systemic-anticancer-therapy", "systemic anticancer therapy",
   include=[f"cart-{m}" for m, _, _ in CLASSES] + ["cart-car-t-product", "methotrexate"],
   description="Drugs whose episodes count towards lines of therapy. Corticosteroids are left out (supportive); "
               "lymphodepletion joins the CAR-T line because it starts within the engine's 28-day combination window.")

# ---------------------------------------------------------------- toxicity management (suggestions)
vs("tocilizumab", "tocilizumab", concepts=drug("tocilizumab", "612865", "ohdsi-studies/UveitisSafetyEstimation inst/cohorts/9367.json", "L04AC07", ["Actemra", "托珠单抗"]))
vs("anakinra", "anakinra", concepts=drug("anakinra", "72435", "ohdsi-studies/UveitisSafetyEstimation inst/cohorts/9367.json", "L04AC03", ["Kineret", "阿那白滞素"]))
vs("dexamethasone", "dexamethasone", concepts=drug("dexamethasone", "3264", OH + "1181.json", "H02AB02"))
print("car-t-b-cell terminology written")
