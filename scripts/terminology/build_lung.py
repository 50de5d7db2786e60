#!/usr/bin/env python3
"""Writes the refractory lung cancer ValueSets (and the CodeSystem of lung drugs that have no RxNorm or ATC code)
into fhir-profiles/.

Every file this script writes is named ValueSet-lung-*.json or CodeSystem-lung-*.json; re-running it overwrites only
those. Codes come from shared/knowledge/codes.md (which supersedes the extraction's suggestions); each carries a
code-verification extension. Shared ValueSets of other packs (positive-result, ...) are used read-only by the pack.
"""
from common import LOINC, RX, ATC, ICD, SCT, LOCAL, BASE, write_codesystem, write_valueset, c

V = "verified: "
OH = "OHDSI/PhenotypeLibrary"
ATCSRC = V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (codes.md §2)"
RXEXT = V + "davidanderson3/rxnorm-ingredients web/data/{}.json, commit a8fcf13 (codes.md §2)"
MCODE = V + "HL7/fhir-mCODE-ig data-dictionary/mCODEDataDictionary-STU4.json (codes.md §3)"
GEN = V + "HL7/genomics-reporting input/fsh (codes.md §3)"
LOCALDRUG = BASE + "/CodeSystem/lung-local-drug"
HGNC = "http://www.genenames.org/geneId"
NO_CODE = "local: no RxNorm ingredient and no WHO ATC code (codes.md §2, absence checked)"


def oh(cohort):
    return V + f"{OH} inst/cohorts/{cohort}.json (codes.md)"


def local(code, display, why):
    return c(LOCAL, code, display, None, "local: " + why)


# ---------------------------------------------------------------- drugs without RxNorm or ATC codes
write_codesystem("lung-local-drug", "Lung cancer drugs without RxNorm or ATC codes",
                 "Drugs named by the refractory lung cancer consensus (or common in Chinese practice) that have neither an "
                 "RxNorm ingredient nor a WHO ATC code (codes.md §2, absence checked). A site maps its own codes "
                 "(e.g. NMPA approval numbers) onto these with a ConceptMap or Clinical:LocalCodes.", [
                     ("anlotinib", "anlotinib", "Oral multi-target anti-angiogenic TKI (安罗替尼)."),
                     ("pyrotinib", "pyrotinib", "Irreversible pan-HER TKI (吡咯替尼)."),
                     ("sintilimab", "sintilimab", "Anti-PD-1 antibody (信迪利单抗)."),
                     ("icotinib", "icotinib", "First-generation EGFR-TKI (埃克替尼); not named by the consensus."),
                     ("aumolertinib", "aumolertinib", "Third-generation EGFR-TKI (阿美替尼, almonertinib); not named by the consensus."),
                     ("furmonertinib", "furmonertinib", "Third-generation EGFR-TKI (伏美替尼); not named by the consensus."),
                 ])


def drug(id_, inn, mechanism, rx=None, rx_src=None, atc=None, atc_src=ATCSRC, synonyms=(), local_code=None):
    """One drug's ValueSet: its RxNorm ingredient and/or ATC code (or a local code), the INN as agent."""
    concepts = []
    if rx:
        concepts.append(c(RX, rx, inn, inn, rx_src, list(synonyms)))
    if atc:
        concepts.append(c(ATC, atc, inn, inn, atc_src, [] if rx else list(synonyms)))
    if local_code:
        concepts.append(c(LOCALDRUG, local_code, inn, inn, NO_CODE, [] if (rx or atc) else list(synonyms)))
    write_valueset(id_, inn, concepts=concepts, mechanism=mechanism)


# chemotherapy
drug("lung-cisplatin", "cisplatin", "platinum", "2555", oh(1217), "L01XA01", synonyms=["顺铂"])
drug("lung-carboplatin", "carboplatin", "platinum", "40048", oh(1217), "L01XA02", synonyms=["卡铂"])
drug("lung-etoposide", "etoposide", "topoisomerase-ii-inhibitor", "4179", oh(1244), "L01CB01", synonyms=["依托泊苷"])
drug("lung-topotecan", "topotecan", "topoisomerase-i-inhibitor", "57308", oh(1318), "L01CE01", synonyms=["拓扑替康", "Hycamtin"])
drug("lung-irinotecan", "irinotecan", "topoisomerase-i-inhibitor", "51499", oh(1318), "L01CE02", synonyms=["伊立替康"])
drug("lung-amrubicin", "amrubicin", "anthracycline", atc="L01DB10",
     atc_src=V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (amrubicin; codes.md §2, no RxNorm)", synonyms=["氨柔比星", "Calsed"])
drug("lung-doxorubicin", "doxorubicin", "anthracycline", "3639", oh(1244), "L01DB01", synonyms=["多柔比星"])
drug("lung-lurbinectedin", "lurbinectedin", "transcription-inhibitor", "2374729", oh(1318), "L01XX69", synonyms=["卢比替定", "Zepzelca"])
drug("lung-bendamustine", "bendamustine", "alkylating-agent", "134547", oh(1318), "L01AA09", synonyms=["苯达莫司汀"])
drug("lung-cyclophosphamide", "cyclophosphamide", "alkylating-agent", "3002", oh(1318), "L01AA01", synonyms=["环磷酰胺"])
drug("lung-vincristine", "vincristine", "vinca-alkaloid", "11202", oh(1318), "L01CA02", synonyms=["长春新碱"])
drug("lung-pemetrexed", "pemetrexed", "antifolate", "68446", oh(1244), "L01BA04", synonyms=["培美曲塞", "Alimta"])
drug("lung-docetaxel", "docetaxel", "taxane", "72962", oh(1244), "L01CD02", synonyms=["多西他赛", "Taxotere"])
drug("lung-paclitaxel", "paclitaxel", "taxane", "56946", oh(1244), "L01CD01", synonyms=["紫杉醇", "Taxol"])
drug("lung-gemcitabine", "gemcitabine", "pyrimidine-analogue", "12574", oh(1244), "L01BC05", synonyms=["吉西他滨"])

# immune checkpoint inhibitors
PD1 = "pd-1-pd-l1-inhibitor"
drug("lung-pembrolizumab", "pembrolizumab", PD1, "1547545", oh(1278), "L01FF02", synonyms=["帕博利珠单抗", "Keytruda", "可瑞达"])
drug("lung-nivolumab", "nivolumab", PD1, "1597876", oh(1278), "L01FF01", synonyms=["纳武利尤单抗", "Opdivo"])
drug("lung-atezolizumab", "atezolizumab", PD1, "1792776", oh(1318), "L01FF05", synonyms=["阿替利珠单抗", "Tecentriq"])
drug("lung-durvalumab", "durvalumab", PD1, "1919503", oh(1318), "L01FF03", synonyms=["度伐利尤单抗", "Imfinzi"])
drug("lung-toripalimab", "toripalimab", PD1, "2669406", oh(1318), "L01FF13", synonyms=["特瑞普利单抗", "toripalimab-tpzi"])
drug("lung-tislelizumab", "tislelizumab", PD1, "2677426", RXEXT.format("T"), "L01FF09", synonyms=["替雷利珠单抗", "tislelizumab-jsgr"])
drug("lung-penpulimab", "penpulimab", PD1, "2712542", RXEXT.format("P"), synonyms=["派安普利单抗", "penpulimab-kcqx"])
drug("lung-camrelizumab", "camrelizumab", PD1, atc="L01FF14",
     atc_src=V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (camrelizumab; codes.md §2, no RxNorm)", synonyms=["卡瑞利珠单抗"])
drug("lung-serplulimab", "serplulimab", PD1, atc="L01FF12",
     atc_src=V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (serplulimab; codes.md §2, no RxNorm)", synonyms=["斯鲁利单抗"])
drug("lung-sintilimab", "sintilimab", PD1, local_code="sintilimab", synonyms=["信迪利单抗", "Tyvyt", "达伯舒"])
drug("lung-ipilimumab", "ipilimumab", "ctla-4-inhibitor", "1094833", oh(1318), "L01FX04", synonyms=["伊匹木单抗", "Yervoy"])

# anti-angiogenic agents
AA = "anti-angiogenic"
drug("lung-anlotinib", "anlotinib", AA, local_code="anlotinib", synonyms=["安罗替尼", "Focus V", "福可维"])
drug("lung-apatinib", "apatinib", AA, atc="L01EK05",
     atc_src=V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (rivoceranib; codes.md §2, no RxNorm)", synonyms=["阿帕替尼", "rivoceranib"])
drug("lung-surufatinib", "surufatinib", AA, atc="L01EX24",
     atc_src=V + "fabkury/atcd WHO ATC-DDD 2026-04-25.csv (surufatinib; codes.md §2, no RxNorm)", synonyms=["索凡替尼"])
drug("lung-nintedanib", "nintedanib", AA, "1592737", oh(1278) + "; NOT 1547220, which the extraction gave", "L01EX09", synonyms=["尼达尼布", "Vargatef"])
drug("lung-bevacizumab", "bevacizumab", "anti-vegf", "253337", oh(1318), "L01FG01", synonyms=["贝伐珠单抗", "Avastin"])
drug("lung-ramucirumab", "ramucirumab", AA, "1535922", oh(1278) + "; NOT 1535218, which is siltuximab", "L01FG02", synonyms=["雷莫西尤单抗", "Cyramza"])

# EGFR, HER2 and ALK targeted agents
drug("lung-gefitinib", "gefitinib", "egfr-tki", "328134", oh(1278), "L01EB01", synonyms=["吉非替尼", "Iressa", "易瑞沙"])
drug("lung-erlotinib", "erlotinib", "egfr-tki", "337525", oh(1278), "L01EB02", synonyms=["厄洛替尼", "Tarceva"])
drug("lung-icotinib", "icotinib", "egfr-tki", local_code="icotinib", synonyms=["埃克替尼", "凯美纳"])
drug("lung-afatinib", "afatinib", "egfr-tki", "1430438", oh(1278), "L01EB03", synonyms=["阿法替尼", "Gilotrif", "Giotrif"])
drug("lung-dacomitinib", "dacomitinib", "egfr-tki", "2058849", oh(1318), "L01EB07", synonyms=["达可替尼", "Vizimpro"])
drug("lung-osimertinib", "osimertinib", "egfr-tki", "1721560", oh(1318), "L01EB04", synonyms=["奥希替尼", "Tagrisso", "泰瑞沙"])
drug("lung-lazertinib", "lazertinib", "egfr-tki", "2691150", RXEXT.format("L"), synonyms=["Lazcluze"])
drug("lung-aumolertinib", "aumolertinib", "egfr-tki", local_code="aumolertinib", synonyms=["阿美替尼", "almonertinib"])
drug("lung-furmonertinib", "furmonertinib", "egfr-tki", local_code="furmonertinib", synonyms=["伏美替尼"])
drug("lung-sunvozertinib", "sunvozertinib", "egfr-exon20-tki", "2719226", RXEXT.format("S"), synonyms=["舒沃替尼", "DZD9008"])
drug("lung-mobocertinib", "mobocertinib", "egfr-exon20-tki", "2570736", oh(1318), "L01EB10", synonyms=["Exkivity"])
drug("lung-amivantamab", "amivantamab", "egfr-met-bispecific", "2549199", oh(1318), "L01FX18", synonyms=["Rybrevant"])
drug("lung-pyrotinib", "pyrotinib", "her2-tki", local_code="pyrotinib", synonyms=["吡咯替尼", "艾瑞妮"])
drug("lung-trastuzumab-deruxtecan", "trastuzumab deruxtecan", "her2-adc", "2267574",
     RXEXT.format("F") + " (precise ingredient fam-trastuzumab deruxtecan-nxki)", "L01FD04",
     synonyms=["fam-trastuzumab deruxtecan-nxki", "德喜曲妥珠单抗", "T-DXd", "DS-8201", "Enhertu"])
drug("lung-trastuzumab-emtansine", "trastuzumab emtansine", "her2-adc", "1371041",
     "unverified: RxCUI 1371041 (ado-trastuzumab emtansine) from the extraction; codes.md found no source pairing it with a "
     "display, and find_string for '1371041' and 'ado-trastuzumab emtansine' in public code found none either. "
     "The rules also match the verified ATC code.", "L01FD03",
     synonyms=["ado-trastuzumab emtansine", "恩美曲妥珠单抗", "T-DM1", "TDM-1", "Kadcyla"])
for inn, rx, atc, cohort_or_src, zh in [
    ("crizotinib", "1148495", "L01ED01", oh(1318), "克唑替尼"), ("ceritinib", "1535457", "L01ED02", oh(1318), "塞瑞替尼"),
    ("alectinib", "1727455", "L01ED03", oh(1318), "阿来替尼"), ("brigatinib", "1921217", "L01ED04", oh(1318), "布格替尼"),
    ("lorlatinib", "2103164", "L01ED05", oh(1318), "劳拉替尼"), ("ensartinib", "2712546", None, RXEXT.format("E"), "恩沙替尼")]:
    drug("lung-" + inn, inn, "alk-tki", rx, cohort_or_src, atc, synonyms=[zh])

# ---------------------------------------------------------------- drug classes (unions)
write_valueset("lung-platinum", "platinum agents", include=["lung-cisplatin", "lung-carboplatin"])
write_valueset("lung-platinum-etoposide", "platinum or etoposide (SCLC first-line chemotherapy backbone)",
               include=["lung-cisplatin", "lung-carboplatin", "lung-etoposide"])
write_valueset("lung-chemotherapy", "cytotoxic chemotherapy", include=[
    "lung-cisplatin", "lung-carboplatin", "lung-etoposide", "lung-topotecan", "lung-irinotecan", "lung-amrubicin",
    "lung-doxorubicin", "lung-lurbinectedin", "lung-bendamustine", "lung-cyclophosphamide", "lung-vincristine",
    "lung-pemetrexed", "lung-docetaxel", "lung-paclitaxel", "lung-gemcitabine"])
write_valueset("lung-pd-1-pd-l1-inhibitor", "PD-1/PD-L1 inhibitors", include=[
    "lung-pembrolizumab", "lung-nivolumab", "lung-atezolizumab", "lung-durvalumab", "lung-toripalimab", "lung-tislelizumab",
    "lung-penpulimab", "lung-camrelizumab", "lung-serplulimab", "lung-sintilimab"])
write_valueset("lung-immune-checkpoint-inhibitor", "immune checkpoint inhibitors (PD-1, PD-L1, CTLA-4)",
               include=["lung-pd-1-pd-l1-inhibitor", "lung-ipilimumab"])
write_valueset("lung-anti-angiogenic", "anti-angiogenic agents", include=[
    "lung-anlotinib", "lung-apatinib", "lung-surufatinib", "lung-nintedanib", "lung-bevacizumab", "lung-ramucirumab"])
write_valueset("lung-egfr-tki-first-generation", "first-generation EGFR-TKIs",
               include=["lung-gefitinib", "lung-erlotinib", "lung-icotinib"])
write_valueset("lung-egfr-tki-later-generation", "second- and third-generation EGFR-TKIs", include=[
    "lung-afatinib", "lung-dacomitinib", "lung-osimertinib", "lung-lazertinib", "lung-aumolertinib", "lung-furmonertinib"])
write_valueset("lung-egfr-tki", "EGFR tyrosine kinase inhibitors (first to third generation)",
               include=["lung-egfr-tki-first-generation", "lung-egfr-tki-later-generation"])
write_valueset("lung-alk-tki", "ALK tyrosine kinase inhibitors", include=[
    "lung-crizotinib", "lung-ceritinib", "lung-alectinib", "lung-brigatinib", "lung-lorlatinib", "lung-ensartinib"])
write_valueset("lung-driver-tki", "driver-targeted TKIs (EGFR or ALK)", include=["lung-egfr-tki", "lung-alk-tki"])
write_valueset("lung-antibody-drug-conjugate", "antibody-drug conjugates",
               include=["lung-trastuzumab-deruxtecan", "lung-trastuzumab-emtansine"])
write_valueset("lung-targeted-therapy", "targeted therapies (TKIs, bispecific antibodies, ADCs)", include=[
    "lung-driver-tki", "lung-sunvozertinib", "lung-mobocertinib", "lung-amivantamab", "lung-pyrotinib", "lung-antibody-drug-conjugate"])
write_valueset("lung-systemic-therapy", "systemic anticancer therapy for lung cancer", include=[
    "lung-chemotherapy", "lung-immune-checkpoint-inhibitor", "lung-anti-angiogenic", "lung-targeted-therapy"])
write_valueset("lung-pneumonitis-risk-drug", "drugs with interstitial lung disease or pneumonitis warnings",
               include=["lung-immune-checkpoint-inhibitor", "lung-antibody-drug-conjugate", "lung-egfr-tki", "lung-amivantamab"])

# ---------------------------------------------------------------- conditions
# No Chinese synonym for SCLC: CJK text matches as a substring, and 小细胞肺癌 (SCLC) is inside 非小细胞肺癌 (NSCLC).
SCLC = c(SCT, "254632001", "Small cell carcinoma of lung", None, oh(1278), ["SCLC"])
ADENO = c(SCT, "254626006", "Adenocarcinoma of lung", None, oh(1266), ["肺腺癌"])
SQUAM = c(SCT, "254634000", "Squamous cell carcinoma of lung", None, oh(1266), ["肺鳞癌", "肺鳞状细胞癌"])
NSCLC = c(SCT, "254637007", "Non-small cell lung cancer", None, oh(1266), ["非小细胞肺癌", "NSCLC"])
LARGE = c(SCT, "254629004", "Large cell carcinoma of lung", None, oh(1266), ["肺大细胞癌"])
write_valueset("lung-cancer", "lung cancer", concepts=[
    c(SCT, "363358000", "Malignant tumor of lung", None, oh(1267), ["肺癌"]),
    c(SCT, "93880001", "Primary malignant neoplasm of lung", None, oh(1280)),
    SCLC, NSCLC, ADENO, SQUAM, LARGE,
], prefixes=[(ICD, "C34", "verified: C34 family (malignant neoplasm of bronchus and lung); C34.90 is in mCODE's Primary Malignant "
                          "Neoplasm Disorder Value Set (codes.md §1)")])
write_valueset("lung-sclc", "small cell lung cancer", concepts=[SCLC])
write_valueset("lung-nsclc", "non-small cell lung cancer", concepts=[NSCLC, ADENO, SQUAM, LARGE])
write_valueset("lung-squamous", "squamous cell carcinoma of lung", concepts=[SQUAM])
write_valueset("lung-hemoptysis", "haemoptysis", concepts=[c(SCT, "66857006", "Hemoptysis", None, oh(350), ["咯血"])])
write_valueset("lung-ild-or-pneumonitis", "interstitial lung disease or pneumonitis", concepts=[
    c(SCT, "233703007", "Interstitial lung disease", None, oh(1265), ["间质性肺疾病"]),
    c(SCT, "205237003", "Pneumonitis", None, oh(1264), ["间质性肺炎", "免疫相关性肺炎", "checkpoint inhibitor pneumonitis"]),
])
write_valueset("lung-central-airway-stenosis", "malignant central airway stenosis", concepts=[
    local("malignant-central-airway-obstruction", "Malignant central airway obstruction",
          "no verified SNOMED CT or ICD-10-CM code for malignant central airway stenosis (codes.md §1)"),
])

# ---------------------------------------------------------------- observations and their values
write_valueset("lung-disease-status", "cancer disease status or response assessment", concepts=[
    c(LOINC, "97509-4", "Cancer Disease Progression", None, V + "HL7/fhir-mCODE-ig input/fsh/SD_DiseaseStatus.fsh (codes.md §3)"),
    local("recist-response", "Best overall response (RECIST 1.1)", "RECIST response category, no verified LOINC"),
])
write_valueset("lung-disease-progression", "disease progression", concepts=[
    c(SCT, "271299001", "Patient's condition worsened", None, MCODE.replace("(codes.md §3)", "(Condition Status Trend Value Set; codes.md §3)")),
    local("recist-pd", "Progressive disease", "RECIST progressive disease"),
])
write_valueset("lung-progression-extent", "extent of disease progression", concepts=[
    local("progression-extent", "Extent of disease progression", "no standard code for the extent of progression (extraction §6.4)")])
write_valueset("lung-progression-extensive", "extensive progression", concepts=[
    local("extensive", "Extensive progression", "consensus term 广泛进展; no standard code")])
write_valueset("lung-progression-limited", "oligoprogression or CNS-only progression", concepts=[
    local("oligo", "Oligoprogression", "no standard code"), local("cns-only", "CNS-only progression", "no standard code")])
write_valueset("lung-genetic-variant-assessment", "genetic variant assessment", concepts=[
    c(LOINC, "69548-6", "Genetic variant assessment", None, GEN.replace("input/fsh", "input/fsh/examples/RepeatExpansionExamples.fsh"))])
write_valueset("lung-driver-testing-order", "driver-gene testing (NGS panel: EGFR, ALK, ROS1, ERBB2 and others)", concepts=[
    c(LOINC, "69548-6", "Genetic variant assessment", None, GEN.replace("input/fsh", "input/fsh/examples/RepeatExpansionExamples.fsh"))])
write_valueset("lung-alk-fish", "ALK rearrangement by FISH", concepts=[
    c(LOINC, "78205-2", "ALK gene rearrangements [Presence] in Blood or Tissue by FISH", None, MCODE)])
write_valueset("lung-her2-ihc", "HER2 interpretation in tissue", concepts=[
    c(LOINC, "48676-1", "HER2 [Interpretation] in Tissue", None, MCODE)])
write_valueset("lung-kras-test", "KRAS mutation tests", concepts=[
    c(LOINC, "21702-6", "KRAS gene mutations found [Identifier] in Blood or Tissue by Molecular genetics method Nominal", None, MCODE),
    c(LOINC, "81420-2", "KRAS and NRAS gene mutations found [Identifier] in Blood or Tissue by Molecular genetics method Nominal", None, MCODE),
])
write_valueset("lung-genomic-result", "genomic results (variant assessment, ALK FISH, KRAS, HER2)",
               include=["lung-genetic-variant-assessment", "lung-alk-fish", "lung-kras-test", "lung-her2-ihc"])
write_valueset("lung-ngs-summary", "actionable alteration on an NGS panel (summary)", concepts=[
    local("ngs-actionable-alteration", "Actionable genomic alteration on NGS panel", "panel summary, no standard code")])
write_valueset("lung-met-amplification", "MET amplification", concepts=[
    local("met-amplification", "MET amplification", "MET has no verified HGNC/LOINC in codes.md")])
for gene, hgnc, src in [("egfr", "HGNC:3236", "input/fsh/examples/somaticReportPDFexamples.fsh"),
                        ("erbb2", "HGNC:3430", "input/fsh/CGExamples.fsh"),
                        ("alk", "HGNC:427", "input/fsh/examples/somaticReportPDFexamples.fsh"),
                        ("ros1", "HGNC:10261", "input/fsh/examples/somaticReportPDFexamples.fsh")]:
    write_valueset(f"lung-{gene}-gene", f"{gene.upper()} gene",
                   concepts=[c(HGNC, hgnc, gene.upper(), None, V + "HL7/genomics-reporting " + src + " (codes.md §3)")])

write_valueset("lung-egfr-exon20-insertion", "EGFR exon 20 insertion", concepts=[
    local("egfr-exon20-insertion", "EGFR exon 20 insertion", "genomic result value, no standard code")])
write_valueset("lung-erbb2-mutation", "HER2 (ERBB2) gene mutation", concepts=[
    local("erbb2-exon20-insertion", "ERBB2 exon 20 insertion (YVMA)", "genomic result value, no standard code")])
write_valueset("lung-her2-amplification-or-overexpression", "HER2 amplification or overexpression without mutation", concepts=[
    local("erbb2-amplification", "ERBB2 amplification (no ERBB2 mutation detected)", "genomic result value"),
    local("her2-ihc-3plus", "HER2 IHC 3+", "IHC score value"),
])
write_valueset("lung-egfr-alteration", "EGFR driver mutations", concepts=[
    local("egfr-exon19-deletion", "EGFR exon 19 deletion", "genomic result value"),
    local("egfr-l858r", "EGFR L858R", "genomic result value"),
    local("egfr-exon20-insertion", "EGFR exon 20 insertion", "genomic result value"),
])
write_valueset("lung-alk-rearrangement", "ALK rearrangement", concepts=[
    local("alk-rearrangement", "ALK rearrangement (EML4-ALK)", "genomic result value")])
write_valueset("lung-driver-alteration", "driver alterations (EGFR, ERBB2, ALK, BRAF V600E, KRAS)", concepts=[
    local("egfr-exon19-deletion", "EGFR exon 19 deletion", "genomic result value"),
    local("egfr-l858r", "EGFR L858R", "genomic result value"),
    local("egfr-exon20-insertion", "EGFR exon 20 insertion", "genomic result value"),
    local("erbb2-exon20-insertion", "ERBB2 exon 20 insertion (YVMA)", "genomic result value"),
    local("alk-rearrangement", "ALK rearrangement (EML4-ALK)", "genomic result value"),
    local("braf-v600e", "BRAF V600E", "genomic result value"),
    local("kras-mutant", "KRAS mutation detected", "answer for LOINC 21702-6"),
])
write_valueset("lung-no-alteration", "negative genomic result (no alteration detected)", concepts=[
    local("no-alteration-detected", "No pathogenic alteration detected", "genomic result value"),
    local("negative", "Negative", "qualitative result value"),
])
write_valueset("lung-pd-l1", "PD-L1 expression", concepts=[
    local("pdl1-tps", "PD-L1 tumour proportion score", "TPS in %; codes.md's PD-L1 LOINC codes are [Presence] or narrative"),
    c(LOINC, "83052-1", "PD-L1 by clone 22C3 [Presence] in Tissue by Immune stain", None, MCODE),
    c(LOINC, "83054-7", "PD-L1 by clone 22C3 [Interpretation] in Tissue by Immune stain Narrative", None, MCODE),
    c(LOINC, "83055-4", "PD-L1 by clone 28-8 [Presence] in Tissue by Immune stain", None, MCODE),
    c(LOINC, "83057-0", "PD-L1 by clone SP142 [Presence] in Tissue by Immune stain", None, MCODE),
])
write_valueset("lung-pd-l1-order", "PD-L1 immunohistochemistry", concepts=[
    c(LOINC, "83052-1", "PD-L1 by clone 22C3 [Presence] in Tissue by Immune stain", None, MCODE)])
write_valueset("lung-histology-order", "histological typing of the tumour", concepts=[
    c(LOINC, "59847-4", "Histology and Behavior ICD-O-3 Cancer", None,
      "verified: public FHIR FSH examples pair the code with this display (find_string '59847-4', e.g. hit id 42408429197, "
      "a Medizininformatik-Initiative pathology example); not in codes.md")])
write_valueset("lung-ecog", "ECOG performance status", concepts=[
    c(LOINC, "89247-1", "ECOG Performance Status score", None, V + "HL7/fhir-mCODE-ig input/fsh/EX_Basic.fsh (codes.md §3)")])
write_valueset("lung-hemoptysis-finding", "haemoptysis at assessment", concepts=[
    local("hemoptysis", "Haemoptysis", "assessment finding; SNOMED 66857006 is used for the Condition")])
write_valueset("lung-cavitating-tumour", "cavitating central tumour on imaging", concepts=[
    local("cavitating-central-tumour", "Cavitating central tumour", "imaging finding, no standard code")])
write_valueset("lung-distal-lung-nonrecoverable", "distal lung function lost and not expected to recover", concepts=[
    local("distal-lung-nonrecoverable", "Distal lung function lost and not expected to recover", "bronchoscopic/imaging assessment before R-6.3 intervention")])
write_valueset("lung-bronchoscopic-intervention", "bronchoscopic intervention for central airway stenosis", concepts=[
    local("bronchoscopic-airway-intervention", "Bronchoscopic intervention for central airway stenosis",
          "no verified SNOMED CT code for interventional bronchoscopy (bronchoscopy 10847001 is unverified in codes.md)")])
print("lung ValueSets written")
