#!/usr/bin/env python3
"""Writes the ValueSets of the colorectal-liver-metastases pack into fhir-profiles/ (every file named ValueSet-crc-*.json).

Every code carries how it was verified: codes.md (shared/knowledge/codes.md) and its source, a source found while
writing this pack, or 'unverified: <what was tried>'. Project-local codes are documented in
seeds/patients/LOCAL-CODES.md (CodeSystem-clinical-findings.json is written by build_local_codes.py).
Re-running it overwrites only the files it owns; ids are prefixed crc- so no other pack's files are touched.
"""
from common import SCT, LOINC, RX, ATC, ICD, LOCAL, write_valueset, c

V = "verified: "
OH = "OHDSI/PhenotypeLibrary"
MCODE = V + "HL7/fhir-mCODE-ig data-dictionary/mCODEDataDictionary-STU4.json"
ATCSRC = V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (codes.md §2)"
GENOMICS = V + "HL7/genomics-reporting"
HGNC = "http://www.genenames.org/geneId"
LOC = "local: project code documented in seeds/patients/LOCAL-CODES.md"

# ---------------------------------------------------------------- conditions
write_valueset("crc-colorectal-cancer", "colorectal cancer (primary)", concepts=[
    c(SCT, "363406005", "Malignant tumor of colon", None, V + OH + " inst/cohorts/648.json (codes.md §1)", ["结肠癌"]),
    c(SCT, "93761005", "Primary malignant neoplasm of colon", None, V + OH + " inst/cohorts/790.json (codes.md §1)"),
    c(SCT, "363414004", "Malignant tumor of rectosigmoid junction", None, V + OH + " inst/cohorts/790.json (codes.md §1)"),
    c(SCT, "363351006", "Malignant tumor of rectum", None, V + OH + " inst/cohorts/790.json (codes.md §1)", ["直肠癌", "结直肠癌"]),
    c(ICD, "C19", "Malignant neoplasm of rectosigmoid junction", None, MCODE + " (codes.md §1)"),
    c(ICD, "C20", "Malignant neoplasm of rectum", None, MCODE + " (codes.md §1)"),
], prefixes=[(ICD, "C18", "verified: C18 family (malignant neoplasm of colon); C18.9 in mCODE Primary Malignant Neoplasm Disorder VS (codes.md §1)")])
write_valueset("crc-liver-metastasis", "liver metastasis", concepts=[
    c(SCT, "94381002", "Secondary malignant neoplasm of liver", None, V + OH + " inst/cohorts/854.json (codes.md §1)", ["肝转移"]),
    c(ICD, "C78.7", "Secondary malignant neoplasm of liver and intrahepatic bile duct", None, MCODE + " (codes.md §1)"),
])
write_valueset("crc-lung-metastasis", "lung metastasis", concepts=[
    c(SCT, "94391008", "Secondary malignant neoplasm of lung", None, V + OH + " inst/cohorts/1267.json (codes.md §1)", ["肺转移"]),
], prefixes=[(ICD, "C78.0", "verified: C78.0 family; C78.00 in mCODE Secondary Cancer Disorder VS (codes.md §1)")])
write_valueset("crc-other-extrahepatic-metastasis", "metastasis outside the liver and lung", concepts=[
    c(SCT, "94225005", "Secondary malignant neoplasm of brain", None, V + "canvas-medical/canvas-plugins v2022/condition.py (codes.md §1)"),
], prefixes=[(ICD, p, f"verified: ICD-10-CM category structure of secondary malignant neoplasms ({p}); codes.md §1 lists C78.00, C78.7 and C79.31 from mCODE")
             for p in ("C77", "C78.1", "C78.2", "C78.3", "C78.4", "C78.5", "C78.6", "C78.8", "C79")])
write_valueset("crc-extrahepatic-metastasis", "extrahepatic metastasis", include=["crc-lung-metastasis", "crc-other-extrahepatic-metastasis"])
write_valueset("crc-unresectable-liver-metastasis-condition", "unresectable liver metastases (recorded decision)", concepts=[
    c(LOCAL, "unresectable-colorectal-liver-metastases", "Unresectable colorectal liver metastases (clinician or MDT decision)", None, LOC),
])
write_valueset("crc-gilbert-syndrome", "Gilbert syndrome", concepts=[
    c(LOCAL, "gilbert-syndrome", "Gilbert syndrome", None, LOC),
    c(ICD, "E80.4", "Gilbert syndrome", None, V + "medtrack-io/icd_code lib/codes/codes_e80.ex (E804 'Gilbert syndrome'); codes.md §1 had it unverified"),
    c(SCT, "27503000", "Gilbert syndrome", None, "unverified: codes.md §1 found no SNOMED list pairing it with a display; a search of public code (exact code and 'Gilbert's syndrome (disorder)') found none either. Accepted so real data can match; confirm before relying on it"),
])

# ---------------------------------------------------------------- MDT decision (never computed by the service)
write_valueset("crc-mdt-resectability", "MDT resectability decision", concepts=[
    c(LOCAL, "mdt-resectability", "MDT resectability decision", None, LOC + "; no standard code for a tumour-board decision"),
])
write_valueset("crc-resectable-decision", "resectable (MDT decision)", concepts=[c(LOCAL, "resectable", "Resectable", None, LOC)])
write_valueset("crc-unresectable-decision", "initially unresectable (MDT decision)", concepts=[
    c(LOCAL, "unresectable", "Unresectable", None, LOC),
    c(LOCAL, "potentially-resectable", "Initially unresectable, potentially resectable after response", None, LOC),
])
write_valueset("crc-unresectable-definitive-decision", "unresectable, not a conversion candidate (MDT decision)", concepts=[
    c(LOCAL, "unresectable", "Unresectable", None, LOC),
])
write_valueset("crc-potentially-resectable-decision", "potentially resectable: conversion candidate (MDT decision)", concepts=[
    c(LOCAL, "potentially-resectable", "Initially unresectable, potentially resectable after response", None, LOC),
])
write_valueset("crc-liver-dominant-finding", "liver-dominant disease (clinician assessment)", concepts=[
    c(LOCAL, "liver-dominant-disease", "Liver-dominant metastatic disease", None, LOC),
])

# ---------------------------------------------------------------- biomarkers
write_valueset("crc-ras-test", "KRAS/NRAS mutation test (gene-specific)", concepts=[
    c(LOINC, "21702-6", "KRAS gene mutations found [Identifier] in Blood or Tissue by Molecular genetics method Nominal", None, MCODE + " Tumor Marker Test VS (codes.md §3); NOT 21704-5, which fails the check digit"),
    c(LOINC, "81420-2", "KRAS and NRAS gene mutations found [Identifier] in Blood or Tissue by Molecular genetics method Nominal", None, MCODE + " Tumor Marker Test VS (codes.md §3)"),
])
write_valueset("crc-kras-nras-panel", "KRAS and NRAS (extended RAS) test", concepts=[
    c(LOINC, "81420-2", "KRAS and NRAS gene mutations found [Identifier] in Blood or Tissue by Molecular genetics method Nominal", None, MCODE + " Tumor Marker Test VS (codes.md §3)"),
])
write_valueset("crc-braf-v600e-test", "BRAF V600E test (gene-specific)", concepts=[
    c(LOINC, "85299-6", "BRAF V600E mutant protein [Presence] in Cancer specimen by Immune stain", None, MCODE + " Tumor Marker Test VS (codes.md §3)"),
])
write_valueset("crc-genetic-variant-assessment", "genetic variant assessment (HL7 Genomics Reporting)", concepts=[
    c(LOINC, "69548-6", "Genetic variant assessment", None, GENOMICS + " input/fsh/examples/RepeatExpansionExamples.fsh (codes.md §3)"),
])
write_valueset("crc-ras-genes", "RAS genes (KRAS, NRAS)", concepts=[
    c(HGNC, "HGNC:7989", "NRAS", None, GENOMICS + " input/fsh/examples/bundle-oncology-report-example.fsh (codes.md §3)"),
    c(HGNC, "HGNC:6407", "KRAS", None, "unverified: codes.md §3 found it in no genomics IG example; public code pairs HGNC:6407 with KRAS in many files but no named source was recorded. Confirm at genenames.org"),
])
write_valueset("crc-braf-gene", "BRAF gene", concepts=[
    c(HGNC, "HGNC:1097", "BRAF", None, GENOMICS + " input/fsh/examples/bundle-oncology-diagnostic.fsh (codes.md §3)"),
])
write_valueset("crc-ras-mutant-result", "RAS mutation detected", concepts=[
    c(LOCAL, "kras-mutant", "KRAS mutation detected", None, LOC),
    c(LOCAL, "nras-mutant", "NRAS mutation detected", None, LOC),
    c(LOCAL, "positive", "Positive", None, LOC + " (qualitative: mutation detected)"),
])
write_valueset("crc-kras-mutant-result", "KRAS mutation detected", concepts=[
    c(LOCAL, "kras-mutant", "KRAS mutation detected", None, LOC),
])
write_valueset("crc-ras-wild-type-result", "no RAS mutation detected", concepts=[
    c(LOCAL, "ras-wild-type", "KRAS and NRAS wild-type", None, LOC),
    c(LOCAL, "no-alteration-detected", "No pathogenic alteration detected", None, LOC),
    c(LOCAL, "negative", "Negative", None, LOC),
])
write_valueset("crc-braf-mutant-result", "BRAF mutation detected", concepts=[
    c(LOCAL, "braf-v600e", "BRAF V600E", None, LOC),
    c(LOCAL, "positive", "Positive", None, LOC + " (BRAF V600E IHC positive)"),
])
write_valueset("crc-braf-wild-type-result", "no BRAF mutation detected", concepts=[
    c(LOCAL, "no-alteration-detected", "No pathogenic alteration detected", None, LOC),
    c(LOCAL, "negative", "Negative", None, LOC + " (BRAF V600E IHC negative)"),
])
write_valueset("crc-tp53-mutation", "TP53 mutation status", concepts=[
    c(LOCAL, "tp53-mutation", "TP53 mutation", None, LOC + "; TP53 has no verified HGNC/LOINC in codes.md"),
])
write_valueset("crc-ugt1a1-genotype", "UGT1A1 genotype", concepts=[
    c(LOINC, "72508-5", "UGT1A1 gene c.A(TA)7TAA(*28) [Presence] in Blood or Tissue by Molecular genetics method", None, MCODE + " Tumor Marker Test VS (codes.md §3)"),
])

# ---------------------------------------------------------------- imaging and disease status
write_valueset("crc-liver-lesion-count", "number of liver metastases", concepts=[
    c(LOCAL, "liver-metastasis-count", "Number of liver metastases", None, LOC),
])
write_valueset("crc-liver-lesion-size", "largest liver metastasis diameter", concepts=[
    c(LOCAL, "liver-metastasis-largest-diameter", "Largest liver metastasis diameter", None, LOC),
])
write_valueset("crc-disease-status", "disease status or response assessment", concepts=[
    c(LOINC, "97509-4", "Cancer Disease Progression", None, V + "HL7/fhir-mCODE-ig input/fsh/SD_DiseaseStatus.fsh (codes.md §3)"),
    c(LOCAL, "recist-response", "Best overall response (RECIST 1.1)", None, LOC),
])
write_valueset("crc-progressive-disease", "progressive disease", concepts=[
    c(SCT, "271299001", "Patient's condition worsened", None, MCODE + " Condition Status Trend VS (codes.md §3)"),
    c(LOCAL, "recist-pd", "Progressive disease", None, LOC),
    c(LOCAL, "progression", "Progression", None, LOC),
])

# ---------------------------------------------------------------- drugs (RxNorm ingredient + ATC), by mechanism class
DRUGS = {
    "fluorouracil": ("4492", OH + " inst/cohorts/1318.json", "L01BC02", ["5-FU", "氟尿嘧啶"]),
    "capecitabine": ("194000", OH + " inst/cohorts/1318.json", "L01BC06", ["Xeloda", "卡培他滨"]),
    "floxuridine": ("4488", "davidanderson3/rxnorm-ingredients web/data/F.json", "L01BC09", ["FUDR"]),
    "leucovorin": ("6313", "davidanderson3/rxnorm-ingredients web/data/L.json", "V03AF03", ["calcium folinate", "folinic acid", "亚叶酸钙"]),
    "oxaliplatin": ("32592", OH + " inst/cohorts/1217.json", "L01XA03", ["Eloxatin", "奥沙利铂"]),
    "irinotecan": ("51499", OH + " inst/cohorts/1318.json", "L01CE02", ["Camptosar", "伊立替康"]),
    "cetuximab": ("318341", OH + " inst/cohorts/1278.json", "L01FE01", ["Erbitux", "西妥昔单抗"]),
    "panitumumab": ("263034", OH + " inst/cohorts/1318.json", "L01FE02", ["Vectibix", "帕尼单抗"]),
    "bevacizumab": ("253337", OH + " inst/cohorts/1318.json", "L01FG01", ["Avastin", "贝伐珠单抗"]),
}


def drug(inn):
    rx, src, atc, syn = DRUGS[inn]
    return [c(RX, rx, inn, inn, V + src + " (codes.md §2)", syn), c(ATC, atc, inn, inn, ATCSRC)]


def drugs(*inns):
    return [k for inn in inns for k in drug(inn)]


write_valueset("crc-fluoropyrimidine", "fluoropyrimidines", mechanism="fluoropyrimidine", concepts=drugs("fluorouracil", "capecitabine", "floxuridine"))
write_valueset("crc-oxaliplatin", "oxaliplatin", mechanism="platinum", concepts=drugs("oxaliplatin"))
write_valueset("crc-irinotecan", "irinotecan", mechanism="topoisomerase-i-inhibitor", concepts=drugs("irinotecan"))
write_valueset("crc-anti-egfr", "anti-EGFR antibodies", mechanism="anti-egfr", concepts=drugs("cetuximab", "panitumumab"))
write_valueset("crc-bevacizumab", "bevacizumab", mechanism="anti-vegf", concepts=drugs("bevacizumab"))
# Leucovorin modulates fluorouracil; it has no mechanism class, so it never counts as a line of therapy of its own.
write_valueset("crc-leucovorin", "leucovorin", concepts=drugs("leucovorin"))
for inn in ("fluorouracil", "cetuximab"):
    write_valueset(f"crc-{inn}", inn, concepts=drug(inn))
write_valueset("crc-chemotherapy", "colorectal cancer chemotherapy", include=["crc-fluoropyrimidine", "crc-oxaliplatin", "crc-irinotecan"])
write_valueset("crc-targeted-biologic", "colorectal cancer targeted biologics (anti-EGFR, anti-VEGF)", include=["crc-anti-egfr", "crc-bevacizumab"])
write_valueset("crc-systemic-therapy", "colorectal cancer systemic therapy", include=["crc-chemotherapy", "crc-targeted-biologic"])

# ---------------------------------------------------------------- procedures (HAI and TACE are kept apart on purpose)
write_valueset("crc-liver-resection", "liver resection (hepatectomy)", concepts=[
    c(SCT, "71273005", "Partial hepatectomy", None, V + OH + " inst/cohorts/1106.json (codes.md §4)", ["肝切除术"]),
    c(SCT, "72106008", "Excision of lesion of liver", None, V + "canvas-medical/canvas-plugins v2026/procedure.py MajorSurgicalProcedure (codes.md §4)"),
])
write_valueset("crc-thermal-ablation", "thermal ablation of liver metastases (RFA, MWA)", concepts=[
    c(SCT, "432226009", "Ablation of lesion of liver using computed tomography guidance", None, V + "canvas-medical/canvas-plugins v2026/procedure.py MajorSurgicalProcedure (codes.md §4)"),
    c(SCT, "609232008", "Percutaneous microwave ablation of lesion of liver", None, V + "canvas-medical/canvas-plugins v2026/procedure.py MajorSurgicalProcedure (codes.md §4)"),
    c(LOCAL, "radiofrequency-ablation-liver", "Radiofrequency ablation of liver metastasis", None, LOC + "; no verified SNOMED RFA code"),
    c(LOCAL, "stereotactic-radiofrequency-ablation", "Stereotactic radiofrequency ablation of liver (SRFA)", None, LOC),
])
write_valueset("crc-rfa-order", "radiofrequency ablation of liver metastases (order)", concepts=[
    c(SCT, "432226009", "Ablation of lesion of liver using computed tomography guidance", None, V + "canvas-medical/canvas-plugins v2026/procedure.py (codes.md §4)"),
    c(LOCAL, "radiofrequency-ablation-liver", "Radiofrequency ablation of liver metastasis", None, LOC),
])
write_valueset("crc-microwave-ablation", "microwave ablation of liver metastases", concepts=[
    c(SCT, "609232008", "Percutaneous microwave ablation of lesion of liver", None, V + "canvas-medical/canvas-plugins v2026/procedure.py (codes.md §4)"),
])
write_valueset("crc-srfa-order", "stereotactic radiofrequency ablation (order)", concepts=[
    c(LOCAL, "stereotactic-radiofrequency-ablation", "Stereotactic radiofrequency ablation of liver (SRFA)", None, LOC),
    c(SCT, "432226009", "Ablation of lesion of liver using computed tomography guidance", None, V + "canvas-medical/canvas-plugins v2026/procedure.py (codes.md §4)"),
])
write_valueset("crc-tace", "transarterial chemoembolisation of liver metastases (TACE)", concepts=[
    c(SCT, "314617008", "Chemoembolization of liver metastases", None, V + "canvas-medical/canvas-plugins v2026/procedure.py GeneralSurgery (codes.md §4)", ["经动脉化疗栓塞术"]),
])
write_valueset("crc-radioembolisation", "Y90 radioembolisation (SIRT/TARE)", concepts=[
    c(SCT, "764677008", "Selective internal radiotherapy of liver using yttrium (90-Y) labeled microspheres", None, V + "canvas-medical/canvas-plugins v2026/procedure.py GeneralSurgery (codes.md §4)", ["钇90", "90Y-SIRT"]),
])
write_valueset("crc-hepatic-arterial-infusion", "hepatic arterial infusion chemotherapy (HAI, HAIP)", concepts=[
    c(LOCAL, "hepatic-arterial-infusion", "Hepatic arterial infusion chemotherapy", None, LOC + "; no verified SNOMED code (searched public code for hepatic artery infusion concepts)", ["肝动脉灌注化疗", "HAIC", "HAIP"]),
])
write_valueset("crc-liver-sbrt", "stereotactic body radiotherapy to the liver", concepts=[
    c(LOCAL, "liver-sbrt", "Stereotactic body radiotherapy to liver metastases", None, LOC + "; SNOMED 108290001 is generic radiotherapy and not used to infer liver SBRT"),
])
write_valueset("crc-liver-local-therapy", "liver-directed local therapy", include=[
    "crc-thermal-ablation", "crc-tace", "crc-radioembolisation", "crc-hepatic-arterial-infusion", "crc-liver-sbrt"])

# ---------------------------------------------------------------- test orders
write_valueset("crc-ras-testing-order", "extended RAS (KRAS and NRAS) mutation testing", concepts=[
    c(LOINC, "81420-2", "KRAS and NRAS gene mutations found [Identifier] in Blood or Tissue by Molecular genetics method Nominal", None, MCODE + " Tumor Marker Test VS (codes.md §3)"),
])
write_valueset("crc-braf-testing-order", "BRAF V600E testing", concepts=[
    c(LOINC, "85299-6", "BRAF V600E mutant protein [Presence] in Cancer specimen by Immune stain", None, MCODE + " Tumor Marker Test VS (codes.md §3)"),
])
write_valueset("crc-ugt1a1-testing-order", "UGT1A1 genotyping", concepts=[
    c(LOINC, "72508-5", "UGT1A1 gene c.A(TA)7TAA(*28) [Presence] in Blood or Tissue by Molecular genetics method", None, MCODE + " Tumor Marker Test VS (codes.md §3)"),
])
