#!/usr/bin/env python3
"""Writes CodeSystem-mechanism-class.json: every drug class the packs' drug ValueSets declare.

Two drugs of one class count as one mechanism, and a new class starts a new line of therapy, so each drug code must
have exactly one class across all ValueSets; the knowledge lint test checks that, and that every class used is here.
"""
from common import write_codesystem

write_codesystem("mechanism-class", "Mechanism class",
                 "Drug classes by mechanism; two drugs of one class count as one mechanism.", [
    # Inflammatory bowel disease and immune-mediated disease
    ("anti-tnf", "anti-TNF", "Tumour necrosis factor alpha inhibitors."),
    ("anti-integrin", "anti-integrin", "Integrin inhibitors (vedolizumab: alpha4beta7; natalizumab: alpha4)."),
    ("anti-il-12-23", "anti-IL-12/23", "Antibodies to the shared p40 subunit of IL-12 and IL-23."),
    ("anti-il-23", "anti-IL-23", "Antibodies to the p19 subunit of IL-23."),
    ("jak-inhibitor", "JAK inhibitor", "Janus kinase inhibitors."),
    ("s1p-modulator", "S1P receptor modulator", "Sphingosine-1-phosphate receptor modulators."),
    ("thiopurine", "thiopurine", "Azathioprine and mercaptopurine."),
    ("methotrexate", "methotrexate", "Methotrexate (antimetabolite immunomodulator)."),
    ("corticosteroid", "corticosteroid", "Systemic or gut-acting corticosteroids; supportive, not a line of therapy."),
    # Cytotoxic chemotherapy
    ("platinum", "platinum compound", "Cisplatin, carboplatin, oxaliplatin."),
    ("fluoropyrimidine", "fluoropyrimidine", "Fluorouracil, capecitabine and related prodrugs."),
    ("pyrimidine-analogue", "pyrimidine analogue", "Cytarabine, gemcitabine and other pyrimidine antimetabolites (ATC L01BC)."),
    ("purine-analogue", "purine analogue", "Fludarabine and other purine antimetabolites (ATC L01BB)."),
    ("antifolate", "antifolate", "Pemetrexed and other folate antimetabolites used in oncology."),
    ("taxane", "taxane", "Paclitaxel, docetaxel."),
    ("vinca-alkaloid", "vinca alkaloid", "Vincristine and related agents."),
    ("anthracycline", "anthracycline", "Doxorubicin, amrubicin and related agents."),
    ("alkylating-agent", "alkylating agent", "Cyclophosphamide, bendamustine and related agents."),
    ("topoisomerase-i-inhibitor", "topoisomerase I inhibitor", "Irinotecan, topotecan."),
    ("topoisomerase-ii-inhibitor", "topoisomerase II inhibitor", "Etoposide."),
    ("transcription-inhibitor", "transcription inhibitor", "Lurbinectedin."),
    # Targeted therapy and antibodies in oncology
    ("egfr-tki", "EGFR tyrosine-kinase inhibitor", "Gefitinib, erlotinib, osimertinib and other EGFR TKIs."),
    ("egfr-exon20-tki", "EGFR exon 20 insertion inhibitor", "Mobocertinib, sunvozertinib."),
    ("egfr-met-bispecific", "EGFR-MET bispecific antibody", "Amivantamab."),
    ("alk-tki", "ALK tyrosine-kinase inhibitor", "Crizotinib, alectinib, brigatinib, ceritinib, lorlatinib."),
    ("her2-tki", "HER2 tyrosine-kinase inhibitor", "Pyrotinib."),
    ("her2-adc", "HER2 antibody-drug conjugate", "Trastuzumab deruxtecan, trastuzumab emtansine."),
    ("anti-egfr", "anti-EGFR antibody", "Cetuximab, panitumumab."),
    ("anti-vegf", "anti-VEGF antibody", "Bevacizumab."),
    ("anti-angiogenic", "anti-angiogenic kinase inhibitor or anti-VEGFR antibody", "Anlotinib, apatinib, surufatinib, nintedanib, ramucirumab."),
    ("pd-1-pd-l1-inhibitor", "PD-1/PD-L1 inhibitor", "Immune checkpoint inhibitors of PD-1 or PD-L1."),
    ("ctla-4-inhibitor", "CTLA-4 inhibitor", "Ipilimumab."),
    # Haematological malignancy
    ("anti-cd20", "anti-CD20 antibody", "Rituximab, obinutuzumab."),
    ("anti-cd38", "anti-CD38 antibody", "Daratumumab, isatuximab."),
    ("anti-cd22-adc", "anti-CD22 antibody-drug conjugate", "Inotuzumab ozogamicin."),
    ("anti-cd79b-adc", "anti-CD79b antibody-drug conjugate", "Polatuzumab vedotin."),
    ("cd19-bispecific", "CD19-directed bispecific T-cell engager", "Blinatumomab."),
    ("cd20-cd3-bispecific", "CD20xCD3 bispecific antibody", "Glofitamab, epcoritamab, mosunetuzumab."),
    ("bcma-directed", "BCMA-directed non-cellular therapy", "Teclistamab, elranatamab, belantamab mafodotin."),
    ("cd19-car-t", "CD19-directed CAR-T cell therapy", "Tisagenlecleucel, axicabtagene ciloleucel and other CD19 CAR-T products."),
    ("bcma-car-t", "BCMA-directed CAR-T cell therapy", "Idecabtagene vicleucel, ciltacabtagene autoleucel and other BCMA CAR-T products."),
    ("btk-inhibitor", "BTK inhibitor", "Ibrutinib, acalabrutinib, zanubrutinib."),
    ("bcl2-inhibitor", "BCL-2 inhibitor", "Venetoclax."),
    ("bcr-abl-tki", "BCR-ABL tyrosine-kinase inhibitor", "Imatinib, dasatinib, ponatinib."),
    ("proteasome-inhibitor", "proteasome inhibitor", "Bortezomib, carfilzomib."),
    ("immunomodulatory-drug", "immunomodulatory drug (IMiD)", "Lenalidomide, pomalidomide, thalidomide."),
])
