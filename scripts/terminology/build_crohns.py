#!/usr/bin/env python3
"""Writes the shared and Crohn's-disease CodeSystems, ValueSets and ConceptMaps into fhir-profiles/.

The FHIR JSON files are the source of truth that the service loads; this script is how they were first written,
kept so that a reviewer can see every code, its verification source and its synonyms in one table.
Re-running it overwrites only the files it owns.
"""
import json, os, sys
from common import BASE, SCT, LOINC, RX, ATC, ICD, LOCAL, write_codesystem, write_valueset, c, OUT

# ---------------------------------------------------------------- project CodeSystems
write_codesystem("therapy-outcome", "Therapy outcome", "How a therapy episode ended or is going.", [
    ("response", "Response", "The disease responded to the therapy."),
    ("primary-non-response", "Primary non-response", "No adequate response by the end of induction or the first assessment."),
    ("secondary-loss-of-response", "Secondary loss of response", "An initial response, later lost."),
    ("intolerance", "Intolerance or adverse event", "Stopped because of intolerance or an adverse event."),
    ("progression", "Progression", "The disease progressed on, or soon after, the therapy."),
    ("relapse", "Relapse", "The disease relapsed after responding to the therapy."),
    ("ongoing", "Ongoing", "The therapy is still running and its outcome is not yet assessable."),
    ("unknown", "Unknown", "The outcome is recorded as unknown."),
])
write_codesystem("card-kind", "Card kind", "What a CDS card is about; sent in card.source.topic.", [
    ("refractory-status", "Refractory status", "Whether the disease is refractory, not refractory, or cannot be assessed."),
    ("regimen", "Suggested regimen", "A regimen the source supports for the patient's situation, with its evidence."),
    ("safety", "Safety warning", "A hazard and what to do about it."),
    ("data-gap", "Missing data", "Data the assessment needs, and the order that would provide it."),
    ("not-recommended", "Not recommended", "An option the source marks as not recommended."),
])
write_codesystem("override-reason", "Override reason", "Reasons a clinician may give for not following a card.", [
    ("benefit-outweighs-risk", "Benefit outweighs risk for this patient", None),
    ("mdt-approved", "Approved by the multidisciplinary team", None),
    ("already-addressed", "Already addressed (e.g. done elsewhere)", None),
    ("patient-declined", "Patient declined after discussion", None),
    ("data-incorrect", "Patient data shown is incorrect or out of date", None),
    ("not-applicable", "Not applicable to this patient", None),
])

# ---------------------------------------------------------------- shared drug classes (IBD and beyond)
V = "verified: "
OH = "OHDSI/PhenotypeLibrary"
ATCSRC = V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (shared/knowledge/codes.md §2)"
write_valueset("anti-tnf", "anti-TNF agents", mechanism="anti-tnf", concepts=[
    c(RX, "191831", "infliximab", "infliximab", V + OH + " inst/cohorts/1040.json (codes.md §2)", ["Remicade", "英夫利昔单抗", "英夫利西单抗", "类克"]),
    c(RX, "1790539", "infliximab-dyyb", "infliximab", V + "davidanderson3/rxnorm-ingredients web/data/I.json (codes.md §2)", ["Inflectra"]),
    c(RX, "327361", "adalimumab", "adalimumab", V + OH + " inst/cohorts/1040.json (codes.md §2)", ["Humira", "阿达木单抗", "修美乐"]),
    c(RX, "709271", "certolizumab pegol", "certolizumab pegol", V + OH + " inst/cohorts/1040.json (codes.md §2)", ["Cimzia"]),
    c(RX, "819300", "golimumab", "golimumab", V + OH + " inst/cohorts/1040.json (codes.md §2)", ["Simponi"]),
    c(ATC, "L04AB02", "infliximab", "infliximab", ATCSRC), c(ATC, "L04AB04", "adalimumab", "adalimumab", ATCSRC),
    c(ATC, "L04AB05", "certolizumab pegol", "certolizumab pegol", ATCSRC), c(ATC, "L04AB06", "golimumab", "golimumab", ATCSRC),
])
write_valueset("anti-integrin", "anti-integrin agents", mechanism="anti-integrin", concepts=[
    c(RX, "1538097", "vedolizumab", "vedolizumab", V + "ohdsi-studies/IbdCharacterization inst/cohorts/306.json (codes.md §2)", ["Entyvio", "维多珠单抗", "维得利珠单抗"]),
    c(RX, "354770", "natalizumab", "natalizumab", V + "ohdsi-studies/IbdCharacterization inst/cohorts/306.json (codes.md §2)", ["Tysabri"]),
    c(ATC, "L04AG05", "vedolizumab", "vedolizumab", ATCSRC), c(ATC, "L04AA33", "vedolizumab (ATC before 2024)", "vedolizumab", V + "codes.md notes: vedolizumab moved L04AA33 -> L04AG05 in 2024; legacy data"),
    c(ATC, "L04AG03", "natalizumab", "natalizumab", ATCSRC),
])
write_valueset("anti-il-12-23", "anti-IL-12/23 agents", mechanism="anti-il-12-23", concepts=[
    c(RX, "847083", "ustekinumab", "ustekinumab", V + OH + " inst/cohorts/759.json (codes.md §2)", ["Stelara", "乌司奴单抗", "喜达诺"]),
    c(RX, "2700665", "ustekinumab-auub", "ustekinumab", V + "codes.md notes for rule authors (biosimilar PIN ustekinumab-auub 2700665)", ["Wezlana"]),
    c(ATC, "L04AC05", "ustekinumab", "ustekinumab", ATCSRC),
])
write_valueset("anti-il-23", "anti-IL-23 agents", mechanism="anti-il-23", concepts=[
    c(RX, "2166040", "risankizumab", "risankizumab", V + OH + " inst/cohorts/1042.json (codes.md §2)", ["Skyrizi", "risankizumab-rzaa", "利生奇珠单抗"]),
    c(RX, "1928588", "guselkumab", "guselkumab", V + OH + " inst/cohorts/1042.json (codes.md §2)", ["Tremfya", "古塞奇尤单抗"]),
    c(RX, "2668384", "mirikizumab", "mirikizumab", V + "davidanderson3/rxnorm-ingredients web/data/M.json (codes.md §2)", ["Omvoh"]),
    c(ATC, "L04AC18", "risankizumab", "risankizumab", ATCSRC), c(ATC, "L04AC16", "guselkumab", "guselkumab", ATCSRC),
])
write_valueset("jak-inhibitor", "JAK inhibitors", mechanism="jak-inhibitor", concepts=[
    c(RX, "2196092", "upadacitinib", "upadacitinib", V + "ohdsi-studies/UveitisSafetyEstimation inst/cohorts/9367.json (codes.md §2)", ["Rinvoq", "乌帕替尼", "乌帕达替尼"]),
    c(RX, "1357536", "tofacitinib", "tofacitinib", V + OH + " inst/cohorts/1041.json (codes.md §2)", ["Xeljanz", "托法替布"]),
    c(ATC, "L04AF03", "upadacitinib", "upadacitinib", ATCSRC), c(ATC, "L04AA44", "upadacitinib (ATC before 2024)", "upadacitinib", V + "codes.md notes: moved L04AA44 -> L04AF03"),
    c(ATC, "L04AF01", "tofacitinib", "tofacitinib", ATCSRC), c(ATC, "L04AA29", "tofacitinib (ATC before 2024)", "tofacitinib", V + "codes.md notes: moved L04AA29 -> L04AF01"),
    c(ATC, "L04AF04", "filgotinib", "filgotinib", V + "codes.md notes: filgotinib L04AA45 -> L04AF04", ["Jyseleca"]),
])
write_valueset("s1p-modulator", "S1P receptor modulators", mechanism="s1p-modulator", concepts=[
    c(RX, "2288236", "ozanimod", "ozanimod", V + "ohdsi-studies/UveitisSafetyEstimation inst/cohorts/9367.json (codes.md §2)", ["Zeposia"]),
    c(RX, "2668045", "etrasimod", "etrasimod", V + "davidanderson3/rxnorm-ingredients web/data/E.json (codes.md §2)", ["Velsipity"]),
])
write_valueset("thiopurine", "thiopurines", mechanism="thiopurine", concepts=[
    c(RX, "1256", "azathioprine", "azathioprine", V + OH + " inst/cohorts/119.json (codes.md §2)", ["Imuran", "硫唑嘌呤"]),
    c(RX, "103", "mercaptopurine", "mercaptopurine", V + "ohdsi-studies/IbdCharacterization inst/cohorts/306.json (codes.md §2)", ["Purinethol", "巯嘌呤"]),
    c(ATC, "L04AX01", "azathioprine", "azathioprine", ATCSRC), c(ATC, "L01BB02", "mercaptopurine", "mercaptopurine", ATCSRC),
])
write_valueset("methotrexate", "methotrexate", mechanism="methotrexate", concepts=[
    c(RX, "6851", "methotrexate", "methotrexate", V + OH + " inst/cohorts/119.json (codes.md §2)", ["甲氨蝶呤"]),
    c(ATC, "L04AX03", "methotrexate", "methotrexate", ATCSRC), c(ATC, "L01BA01", "methotrexate (antineoplastic ATC)", "methotrexate", ATCSRC),
])
write_valueset("systemic-corticosteroid", "systemic corticosteroids", mechanism="corticosteroid", concepts=[
    c(RX, "8640", "prednisone", "prednisone", V + OH + " inst/cohorts/1181.json (codes.md §2)", ["泼尼松"]),
    c(RX, "8638", "prednisolone", "prednisolone", V + OH + " inst/cohorts/1181.json (codes.md §2)", ["泼尼松龙"]),
    c(RX, "6902", "methylprednisolone", "methylprednisolone", V + OH + " inst/cohorts/1181.json (codes.md §2)", ["甲泼尼龙"]),
    c(RX, "5492", "hydrocortisone", "hydrocortisone", V + OH + " inst/cohorts/1181.json (codes.md §2)"),
    c(RX, "3264", "dexamethasone", "dexamethasone", V + OH + " inst/cohorts/1181.json (codes.md §2)"),
    c(RX, "19831", "budesonide", "budesonide", V + "davidanderson3/rxnorm-ingredients web/data/B.json (codes.md §2)"),
    c(ATC, "H02AB07", "prednisone", "prednisone", ATCSRC), c(ATC, "H02AB06", "prednisolone", "prednisolone", ATCSRC),
    c(ATC, "H02AB04", "methylprednisolone", "methylprednisolone", ATCSRC), c(ATC, "H02AB09", "hydrocortisone", "hydrocortisone", ATCSRC),
    c(ATC, "H02AB02", "dexamethasone", "dexamethasone", ATCSRC), c(ATC, "A07EA06", "budesonide", "budesonide", ATCSRC),
])
write_valueset("immunomodulator", "immunomodulators (thiopurine or methotrexate)", include=["thiopurine", "methotrexate"])
write_valueset("ibd-biologic", "IBD biologics", include=["anti-tnf", "anti-integrin", "anti-il-12-23", "anti-il-23"])
write_valueset("ibd-advanced-therapy", "IBD advanced therapies (biologics and small molecules)",
               include=["anti-tnf", "anti-integrin", "anti-il-12-23", "anti-il-23", "jak-inhibitor", "s1p-modulator"])
write_valueset("ibd-non-jak-advanced-therapy", "IBD advanced therapies other than JAK inhibitors",
               include=["anti-tnf", "anti-integrin", "anti-il-12-23", "anti-il-23", "s1p-modulator"])
write_valueset("immunosuppressive-therapy", "immunosuppressive therapies (advanced therapy or immunomodulator)",
               include=["ibd-advanced-therapy", "immunomodulator"])

# ---------------------------------------------------------------- conditions
write_valueset("crohns-disease", "Crohn's disease", concepts=[
    c(SCT, "34000006", "Crohn's disease", None, V + OH + " inst/cohorts/1069.json (codes.md §1)", ["克罗恩病"]),
    c(SCT, "235796008", "Perianal Crohn's disease", None, V + OH + " inst/cohorts/1069.json (codes.md §1)"),
], prefixes=[(ICD, "K50", "verified: K50 family per codes.md §1 (K50.00, K50.10, K50.80, K50.90, K50.013 ... all seen in canvas-medical value sets)")])
write_valueset("perianal-fistula", "perianal (anal) fistula", concepts=[
    c(SCT, "786878009", "Anal fistula", None, V + "ohdsi-studies/IbdCharacterization inst/cohorts/556.json (codes.md §1); NOT 30037006, which is anal fissure"),
    c(SCT, "235796008", "Perianal Crohn's disease", None, V + OH + " inst/cohorts/1069.json (codes.md §1)"),
], prefixes=[(ICD, "K60.3", "verified: imedicalcode.com ICD-10-CM tabular K60 (K60.30, K60.311-K60.319, K60.321) (codes.md §1)")])
write_valueset("perianal-abscess-condition", "perianal or anal abscess (diagnosis)", concepts=[
    c(SCT, "82127005", "Perianal abscess", None, V + "ohdsi-studies/IbdCharacterization inst/cohorts/510.json (codes.md §1)"),
    c(ICD, "K61.0", "Anal abscess", None, "unverified: long-standing ICD-10 code, not found in mCODE/eCQM/HCC lists (codes.md §1)"),
])
write_valueset("eim-or-immune-comorbidity", "extra-intestinal manifestations and immune-mediated comorbidities", concepts=[
    c(SCT, "69896004", "Rheumatoid arthritis", None, V + OH + " inst/cohorts/1059.json (codes.md §1)"),
    c(ICD, "M06.9", "Rheumatoid arthritis, unspecified", None, V + "canvas-medical/canvas-plugins v2022/condition.py (codes.md §1)"),
    c(SCT, "9014002", "Psoriasis", None, V + OH + " inst/cohorts/1057.json (codes.md §1)"),
    c(SCT, "9631008", "Ankylosing spondylitis", None, V + OH + " inst/cohorts/1013.json (codes.md §1)"),
    c(ICD, "M45.9", "Ankylosing spondylitis of unspecified sites in spine", None, V + "canvas-medical/canvas-plugins v2022/condition.py (codes.md §1)"),
    c(LOCAL, "ibd-peripheral-arthritis", "Peripheral arthritis associated with IBD", None, "local: no verified SNOMED/ICD code in codes.md"),
], prefixes=[(ICD, "L40", "verified: psoriasis L40 family (ICD-10 chapter XII)")])
write_valueset("active-tuberculosis", "active tuberculosis", concepts=[
    c(SCT, "56717001", "Tuberculosis", None, V + OH + " inst/cohorts/1060.json (codes.md §1)"),
    c(ICD, "A15.0", "Tuberculosis of lung", None, V + "canvas-medical/canvas-plugins v2022/condition.py (codes.md §1)"),
])
write_valueset("latent-tuberculosis", "latent tuberculosis infection", concepts=[
    c(LOCAL, "latent-tuberculosis-infection", "Latent tuberculosis infection", None, "local: SNOMED 11999007 and ICD-10-CM Z22.7 are unverified in codes.md"),
    c(SCT, "11999007", "Inactive tuberculosis", None, "unverified: not found in any searched concept set (codes.md §1); accepted so real data can match, confirm before relying on it"),
    c(ICD, "Z22.7", "Latent tuberculosis", None, "unverified: not in eCQM/HCC/mCODE lists (codes.md §1)"),
])
write_valueset("chronic-hepatitis-b", "chronic hepatitis B", concepts=[
    c(SCT, "61977001", "Chronic type B viral hepatitis", None, V + "canvas-medical/canvas-plugins v2022/condition.py (codes.md §1)"),
    c(ICD, "B18.1", "Chronic viral hepatitis B without delta-agent", None, V + "canvas-medical/canvas-plugins v2022/condition.py (codes.md §1)"),
])
write_valueset("venous-thromboembolism", "venous thromboembolism (DVT or PE)", concepts=[
    c(SCT, "128053003", "Deep venous thrombosis", None, V + OH + " inst/cohorts/1088.json (codes.md §1)"),
    c(SCT, "59282003", "Pulmonary embolism", None, V + OH + " inst/cohorts/1005.json (codes.md §1)"),
    c(ICD, "I82.409", "Acute embolism and thrombosis of unspecified deep veins of unspecified lower extremity", None, V + "canvas-medical/canvas-plugins v2026 VteDiagnoses (codes.md §1)"),
    c(ICD, "I26.99", "Other pulmonary embolism without acute cor pulmonale", None, V + "canvas-medical/canvas-plugins v2026 (codes.md §1)"),
], prefixes=[(ICD, "I82.4", "verified: I82.4- DVT of lower extremity family (codes.md §1 lists I82.409)"), (ICD, "I26", "verified: I26 pulmonary embolism family (codes.md §1 lists I26.99)")])
write_valueset("malignancy", "malignant neoplasm", concepts=[
    c(SCT, "363346000", "Malignant neoplastic disease", None, V + OH + " inst/cohorts/31.json (codes.md §1)"),
])
write_valueset("hypertension", "hypertension", concepts=[
    c(SCT, "38341003", "Hypertensive disorder", None, V + OH + " inst/cohorts/1046.json (codes.md §1)"),
], prefixes=[(ICD, "I10", "verified: ICD-10 I10 essential hypertension")])
write_valueset("pregnancy-condition", "pregnancy", concepts=[
    c(SCT, "77386006", "Pregnant", None, V + OH + " inst/cohorts/671.json (codes.md §1)"),
    c(ICD, "Z33.1", "Pregnant state, incidental", None, V + "canvas-medical/canvas-plugins v2022/condition.py (codes.md §1)"),
])

# ---------------------------------------------------------------- observations and results
write_valueset("c-reactive-protein", "C-reactive protein", concepts=[
    c(LOINC, "1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", None, V + "zietzm/phenotype_standardization c_reactive_protein (codes.md §3)"),
    c(LOINC, "30522-7", "C reactive protein [Mass/volume] in Serum or Plasma by High sensitivity method", None, V + "zietzm/phenotype_standardization c_reactive_protein (codes.md §3)"),
])
write_valueset("fecal-calprotectin", "fecal calprotectin", concepts=[
    c(LOINC, "38445-3", "Calprotectin [Mass/mass] in Stool", None, V + "mlabs.umich.edu calprotectin-stool; Labcorp 123255 (codes.md §3)"),
])
write_valueset("harvey-bradshaw-index", "Harvey-Bradshaw Index", concepts=[
    c(LOCAL, "hbi", "Harvey-Bradshaw Index", None, "local: no LOINC for HBI in codes.md"),
])
write_valueset("ses-cd", "SES-CD endoscopic score", concepts=[
    c(LOCAL, "ses-cd", "Simple Endoscopic Score for Crohn's Disease", None, "local: no LOINC for SES-CD in codes.md"),
])
write_valueset("corticosteroid-dependence-finding", "corticosteroid dependence (clinician assessment)", concepts=[
    c(LOCAL, "corticosteroid-dependence", "Corticosteroid dependence", None, "local: clinician assessment, no standard code"),
])
write_valueset("perianal-fistula-drainage", "perianal fistula drainage on examination", concepts=[
    c(LOCAL, "perianal-fistula-drainage", "Perianal fistula drainage", None, "local: examination finding, no standard code"),
])
write_valueset("perianal-abscess-finding", "perianal abscess on imaging or examination", concepts=[
    c(LOCAL, "perianal-abscess", "Perianal abscess", None, "local: imaging/EUA finding"),
])
write_valueset("tuberculosis-screening-test", "tuberculosis screening test (IGRA)", concepts=[
    c(LOINC, "71773-6", "M. tuberculosis stimulated gamma interferon [Presence/Interpretation] in Blood", None, V + "Mayo Clinic Laboratories QFT3 LOINC table (codes.md §3); NOT 71774-4, the mitogen control"),
])
write_valueset("tuberculosis-screening-order", "tuberculosis screening order (IGRA panel)", concepts=[
    c(LOINC, "71775-1", "QuantiFERON-TB Gold In-Tube panel", None, V + "Mayo Clinic Laboratories QFT3 LOINC table (codes.md §3)"),
])
write_valueset("hepatitis-b-screening-test", "hepatitis B screening (HBsAg, anti-HBc)", concepts=[
    c(LOINC, "5196-1", "Hepatitis B virus surface Ag [Presence] in Serum or Plasma by Immunoassay", None, V + "RKI DEMIS value set via konvoulg/mio.prep.bericht (codes.md §3)"),
    c(LOINC, "16933-4", "Hepatitis B virus core Ab [Presence] in Serum", None, V + "RKI DEMIS value set via konvoulg/mio.prep.bericht (codes.md §3)"),
])
write_valueset("hepatitis-b-surface-antigen", "HBsAg", concepts=[
    c(LOINC, "5196-1", "Hepatitis B virus surface Ag [Presence] in Serum or Plasma by Immunoassay", None, V + "RKI DEMIS value set via konvoulg/mio.prep.bericht (codes.md §3)"),
])
write_valueset("pregnancy-test", "pregnancy status or test", concepts=[
    c(LOINC, "82810-3", "Pregnancy status", None, V + "konvoulg/mio.prep.bericht Observation_Pregnancy (codes.md §3)"),
    c(LOINC, "2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", None, V + "canvas-medical/canvas-plugins v2022 PregnancyTest (codes.md §3)"),
    c(LOINC, "2118-8", "Choriogonadotropin (pregnancy test) [Presence] in Serum or Plasma", None, V + "canvas-medical/canvas-plugins v2022 PregnancyTest (codes.md §3)"),
])
write_valueset("positive-result", "positive qualitative result", concepts=[
    c(LOCAL, "positive", "Positive", None, "local: codes.md lists no verified SNOMED positive/negative qualifier"),
])
write_valueset("negative-result", "negative qualitative result", concepts=[
    c(LOCAL, "negative", "Negative", None, "local: codes.md lists no verified SNOMED positive/negative qualifier"),
    c(LOCAL, "not-pregnant", "Not pregnant", None, "local"),
])
write_valueset("tobacco-smoking-status", "tobacco smoking status", concepts=[
    c(LOCAL, "tobacco-smoking-status", "Tobacco smoking status", None, "local: no verified LOINC for smoking status in codes.md"),
])
write_valueset("current-smoker", "current smoker", concepts=[
    c(LOCAL, "current-smoker", "Current smoker", None, "local"),
])

# ---------------------------------------------------------------- procedures
write_valueset("haematopoietic-stem-cell-transplant", "haematopoietic stem-cell transplant", concepts=[
    c(SCT, "234336002", "Hemopoietic stem cell transplant", None, V + OH + " inst/cohorts/1010.json (codes.md §4)"),
    c(SCT, "709115004", "Transplantation of autologous hematopoietic stem cell", None, V + OH + " inst/cohorts/207.json (codes.md §4)"),
    c(ICD, "Z94.84", "Stem cells transplant status", None, V + "canvas-medical/canvas-plugins hcc2018.py (codes.md §1)"),
])
write_valueset("fecal-diversion", "fecal diversion (stoma)", concepts=[
    c(SCT, "301784005", "Ileostomy operation", None, V + "ohdsi-studies/IbdCharacterization inst/cohorts/562.json (codes.md §4)"),
    c(SCT, "398740003", "Colostomy", None, V + "ohdsi-studies/IbdCharacterization inst/cohorts/563.json (codes.md §4)"),
    c(ICD, "Z93.2", "Ileostomy status", None, V + "canvas-medical/canvas-plugins hcc2018.py (codes.md §1)"),
    c(ICD, "Z93.3", "Colostomy status", None, V + "canvas-medical/canvas-plugins hcc2018.py (codes.md §1)"),
])
write_valueset("seton-placement", "seton placement for anal fistula", concepts=[
    c(LOCAL, "seton-placement", "Seton placement for anal fistula", None, "local: codes.md has no verified SNOMED seton concept"),
])
write_valueset("fecal-calprotectin-order", "fecal calprotectin test order", concepts=[
    c(LOINC, "38445-3", "Calprotectin [Mass/mass] in Stool", None, V + "lab catalogues (codes.md §3)"),
])
write_valueset("pelvic-mri-order", "pelvic MRI / examination under anaesthesia to exclude abscess", concepts=[
    c(LOCAL, "perianal-abscess", "Perianal abscess assessment (MRI pelvis or examination under anaesthesia)", None, "local: no verified procedure code for pelvic MRI in codes.md"),
])

# ---------------------------------------------------------------- single agents (for suggestions and agent-specific rules)
for inn, rx, rxsrc, atc, syn in [
    ("infliximab", "191831", OH + " inst/cohorts/1040.json", "L04AB02", ["Remicade", "英夫利昔单抗"]),
    ("adalimumab", "327361", OH + " inst/cohorts/1040.json", "L04AB04", ["Humira", "阿达木单抗"]),
    ("vedolizumab", "1538097", "ohdsi-studies/IbdCharacterization inst/cohorts/306.json", "L04AG05", ["Entyvio", "维多珠单抗"]),
    ("ustekinumab", "847083", OH + " inst/cohorts/759.json", "L04AC05", ["Stelara", "乌司奴单抗"]),
    ("guselkumab", "1928588", OH + " inst/cohorts/1042.json", "L04AC16", ["Tremfya", "古塞奇尤单抗"]),
    ("risankizumab", "2166040", OH + " inst/cohorts/1042.json", "L04AC18", ["Skyrizi", "利生奇珠单抗"]),
    ("upadacitinib", "2196092", "ohdsi-studies/UveitisSafetyEstimation inst/cohorts/9367.json", "L04AF03", ["Rinvoq", "乌帕替尼"]),
    ("azathioprine", "1256", OH + " inst/cohorts/119.json", "L04AX01", ["Imuran", "硫唑嘌呤"]),
]:
    write_valueset(inn, inn, concepts=[
        c(RX, rx, inn, inn, V + rxsrc + " (codes.md §2)", syn),
        c(ATC, atc, inn, inn, ATCSRC),
    ])

# ---------------------------------------------------------------- outcome mapping: SNOMED CT stop reasons -> therapy outcome
MCODE = "verified: HL7/fhir-mCODE-ig mCODEDataDictionary-STU4.json (codes.md §5)"
import json as _json
from common import _dump, VERSION
elements = [
    ("266721009", "No response to treatment", "primary-non-response", "wider", "No SNOMED concept separates primary from secondary failure; record secondary loss of response with the project code."),
    ("407563006", "Treatment not tolerated", "intolerance", "equivalent", None),
    ("62014003", "Adverse reaction to drug", "intolerance", "equivalent", None),
    ("59037007", "Intolerance to drug", "intolerance", "equivalent", None),
    ("182897004", "Drug declined by patient - side effects", "intolerance", "wider", None),
    ("271299001", "Patient's condition worsened", "progression", "equivalent", None),
    ("31438003", "Drug resistance", "progression", "wider", "Drug resistance (e.g. to a TKI) is read as progression on therapy."),
    ("268910001", "Patient's condition improved", "response", "equivalent", None),
    ("550991000124107", "Malignant neoplasm in full remission", "response", "wider", None),
]
_dump("ConceptMap-therapy-outcome-from-snomed.json", {
    "resourceType": "ConceptMap", "id": "therapy-outcome-from-snomed",
    "url": BASE + "/ConceptMap/therapy-outcome-from-snomed", "version": VERSION,
    "name": "TherapyOutcomeFromSnomed", "title": "SNOMED CT therapy-stop reasons to therapy outcomes", "status": "active",
    "publisher": "Refractory-disease CDS Hooks project",
    "description": "How the engine reads MedicationStatement.statusReason and linked Observations coded in SNOMED CT. Stop reasons that say nothing about response (treatment completed, refusal, cost, lost to follow-up) are deliberately unmapped: the outcome stays unknown.",
    "sourceUri": "http://snomed.info/sct?fhir_vs", "targetUri": BASE + "/ValueSet/therapy-outcome",
    "group": [{"source": SCT, "target": BASE + "/CodeSystem/therapy-outcome", "element": [
        dict({"extension": [{"url": BASE + "/StructureDefinition/code-verification", "valueString": MCODE if code not in ("62014003",) else "verified: OHDSI/PhenotypeLibrary inst/cohorts/726.json (codes.md §5)"}],
              "code": code, "display": display,
              "target": [dict({"code": target, "equivalence": eq}, **({"comment": comment} if comment else {}))]})
        for code, display, target, eq, comment in elements]}],
})
write_valueset("therapy-outcome", "therapy outcomes", concepts=[c(BASE + "/CodeSystem/therapy-outcome", k, d, None, "project code system") for k, d in [
    ("response", "Response"), ("primary-non-response", "Primary non-response"), ("secondary-loss-of-response", "Secondary loss of response"),
    ("intolerance", "Intolerance or adverse event"), ("progression", "Progression"), ("relapse", "Relapse"), ("ongoing", "Ongoing"), ("unknown", "Unknown")]])
