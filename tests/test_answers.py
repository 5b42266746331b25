"""Every saved query, run with its defaults, answers exactly what the five documents say.

Expected answers are the rows without their citation column, compared as sets. They were checked
by hand against the documents; citations are checked in test_citations_of_answers below and in the
golden files (tests/golden).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset
from rdflib.term import Node

from kg.graph import load_graph
from kg.graph.namespaces import MND, PROV
from kg.graph.paths import default_graph_files
from kg.graph.terms import term_text
from kg.reasoning.reason import reason
from kg.sparql.results import CITATION_VARIABLE, solutions
from kg.sparql.run import run_saved_query
from kg.sparql.saved import SavedQuery

DOCUMENT_QUESTIONS = [
    "Are Amyotrophic Lateral Sclerosis (ALS) or Spinal Muscular Atrophy (SMA) primarily demyelinating diseases?",
    "Is Amyotrophic Lateral Sclerosis (ALS) a demyelinating disease or does it primarily affect the axons?",
    "Is Amyotrophic Lateral Sclerosis (ALS) a form of muscular dystrophy?",
    "What is the primary treatment for Amyotrophic Lateral Sclerosis (ALS)?",
    "ALS vs. SMA: What's the Difference?",
    "What is ALS?",
    "What is SMA?",
    "How is ALS diagnosed?",
    "How does SMA affect the body?",
    "Is ALS hereditary?",
    "Can ALS be cured?",
    "What causes SMA?",
    "Are there treatments for SMA?",
    "What are the symptoms of ALS?",
    "Is SMA always inherited?",
    "Can SMA be detected before birth?",
    "Are there different types of SMA?",
    "How is ALS managed?",
    "Is ALS painless?",
    "Does SMA affect cognitive abilities?",
    "What is the life expectancy with ALS?",
    "Can SMA improve with treatment?",
    "Who is at risk for ALS?",
    "Can lifestyle changes help with SMA?",
    "Do ALS symptoms progress quickly?",
    "Is it accurate to classify ALS as a neuromuscular disorder?",
]

EXPECTED: dict[str, tuple[tuple[str, ...], set[tuple[str, ...]]]] = {
    'affected-neurons': (('disease', 'name', 'relation', 'value'), {
        # issue 16: 'Thickening of tissue in the motor tracts of the lateral columns and anterior horns of the spinal cord; ...' names no disease: its claims say so
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure (a gloss the document prints without naming the disease, taken as about ALS)', 'anterior horns of the spinal cord'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure (a gloss the document prints without naming the disease, taken as about ALS)', 'motor tracts of the lateral columns of the spinal cord'),
        # issue 16: 'but accumulating evidence shows extensive central nervous system involvement': the claim's status is rendered
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure (accumulating evidence shows)', 'central nervous system'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects neuron', 'lower motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects neuron', 'motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects neuron', 'upper motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure', 'axons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure', 'brain'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure', 'corticospinal tracts'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure', 'respiratory muscles'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure', 'skeletal muscles'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure', 'spinal cord'),
        # document 003: 'The pathology extends beyond pure motor systems in a substantial proportion of patients'
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects structure (in a substantial proportion of patients)', 'systems beyond the pure motor systems'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'does not primarily affect', 'myelin sheath'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'does not primarily affect', 'skeletal muscles'),
        ('kg:SMA', 'spinal muscular atrophy', 'affects neuron', 'motor neurons'),
        ('kg:SMA', 'spinal muscular atrophy', 'affects neuron', 'motor neurons in the spinal cord'),
        ('kg:SMA', 'spinal muscular atrophy', 'does not primarily affect', 'myelin sheath'),
        ('kg:SMA', 'spinal muscular atrophy', 'mainly affects neuron', 'lower motor neurons'),
    }),
    'case-reports': (('disease', 'name', 'observation', 'attribute', 'value'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating peripheral neuropathy: rare case reports, coincidental or poorly understood secondary phenomenon (document 001)', 'co-occurring condition', 'demyelinating polyneuropathy'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating peripheral neuropathy: rare case reports, coincidental or poorly understood secondary phenomenon (document 001)', 'how often', 'Rare case reports'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating peripheral neuropathy: rare case reports, coincidental or poorly understood secondary phenomenon (document 001)', 'how often', 'occasionally'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating peripheral neuropathy: rare case reports, coincidental or poorly understood secondary phenomenon (document 001)', 'interpretation', 'The pathomechanism for any demyelinating features occasionally seen in ALS remains unclear, but ALS remains classified as a disease of progressive axonal degeneration'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating peripheral neuropathy: rare case reports, coincidental or poorly understood secondary phenomenon (document 001)', 'interpretation', 'this represents either coincidental occurrence or a poorly understood secondary phenomenon—not the core pathology of ALS'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating polyneuropathy: extremely rare, chance coincidence (document 000)', 'co-occurring condition', 'demyelinating polyneuropathy'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating polyneuropathy: extremely rare, chance coincidence (document 000)', 'how often', 'Extremely rarely'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating polyneuropathy: extremely rare, chance coincidence (document 000)', 'interpretation', 'The pathomechanism for such rare demyelination in ALS patients remains unclear and does not change the fundamental non-demyelinating nature of ALS'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating polyneuropathy: extremely rare, chance coincidence (document 000)', 'interpretation', 'This represents chance coincidence of two diseases rather than ALS being a demyelinating disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with concurrent demyelinating polyneuropathy: extremely rare, chance coincidence (document 000)', 'interpretation', 'a separate, coincidental condition'),
        # the co-occurrence of ALS and MS as a report of rare co-occurrence too, so kg ask reads "Do ALS and MS
        # occur together?" from it (document 001: "The co-occurrence of ALS and MS is extremely rare (only 33 ...)")
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with co-occurring MS: extremely rare, only 33 reported cases as of 2024 (document 001)', 'co-occurring condition', 'multiple sclerosis'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with co-occurring MS: extremely rare, only 33 reported cases as of 2024 (document 001)', 'how often', 'extremely rare (only 33 reported cases as of 2024)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS with co-occurring MS: extremely rare, only 33 reported cases as of 2024 (document 001)', 'interpretation', 'emphasizing that these are fundamentally different disease processes'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'Reported cases of co-occurring ALS and MS: 33 as of 2024', 'as of', '2024'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'Reported cases of co-occurring ALS and MS: 33 as of 2024', 'co-occurring condition', 'multiple sclerosis'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'Reported cases of co-occurring ALS and MS: 33 as of 2024', 'reported cases', '33'),
    }),
    'cause': (('disease', 'name', 'evidence', 'value'), {
        # issue 16: the shared hallmarks (document 000) are hallmarks, not mechanisms that cause SMA
        ('kg:SMA', 'spinal muscular atrophy', 'causal gene', 'SMN1'),
        ('kg:SMA', 'spinal muscular atrophy', 'primary pathology', 'degeneration of lower motor neurons (SMA)'),
    }),
    'clinical-features': (('disease', 'name', 'relation', 'feature', 'sign_of', 'frequency'), {
        # issue 16: '... results in progressive muscle atrophy that starts in the limbs' names no disease: its claim says so
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'progressive muscle atrophy that starts in the limbs', '', 'a gloss the document prints without naming the disease, taken as about ALS'),
        # issue 16: 'Cognitive impairment: Up to 40% of patients develop evidence of cognitive deterioration': the claim's frequency is rendered
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'cognitive impairment', '', 'up to 40% of patients'),
        # issue 16: document 004's example sentences 'He was diagnosed with ALS, which affected his muscle control.', 'As ALS advanced, he required more assistance for daily activities.', 'ALS led to a gradual loss of her ability to walk.', each one patient's case
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'affected muscle control', '', "one patient's case (example sentence)"),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'gradual loss of the ability to walk', '', "one patient's case (example sentence)"),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'needing more assistance for daily activities as the disease advances', '', "one patient's case (example sentence)"),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'behavioural changes', '', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'breathing problems', '', ''),
        # document 003: '... leading to relentless muscle weakness, paralysis, and typically death within 3-5 years of symptom onset.'
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'death', '', 'typically; within 3-5 years of symptom onset'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'difficulty speaking', '', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'frontotemporal dementia', '', 'some patients'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'hyperreflexia', 'upper motor neuron sign', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'hypertonicity', 'upper motor neuron sign', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'muscle atrophy', 'lower motor neuron sign', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'muscle fasciculations', 'lower motor neuron sign', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'muscle weakness', 'lower motor neuron sign', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'pain', '', 'some patients'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'paralysis', '', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'pathological reflexes', 'upper motor neuron sign', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'rapid progression', '', 'often'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'rapid progression', '', 'typically, especially in later stages'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'relentlessly progressive course', '', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'respiratory failure', '', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'respiratory muscle weakness', '', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'severe disability', '', 'often'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'has', 'spasticity', 'upper motor neuron sign', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'does not typically have', 'cognitive impairment', '', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'does not typically have', 'sensory loss', '', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'has', 'compatibility with a longer lifespan', '', 'some forms'),
        # 'lower motor neuron sign' came from ALS's sentences; no sentence says it of SMA's atrophy (issue 16)
        ('kg:SMA', 'spinal muscular atrophy', 'has', 'muscle atrophy', '', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'has', 'muscle wasting', '', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'has', 'muscle weakness', 'lower motor neuron sign', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'has', 'severe disability', '', 'can'),
        ('kg:SMA', 'spinal muscular atrophy', 'has', 'variable course and severity, dependent on type', '', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'has', 'varying prognosis', '', ''),
    }),
    'cognitive-involvement': (('disease', 'name', 'verdict', 'relation', 'value'), {
        ('kg:SMA', 'spinal muscular atrophy', 'no', 'does not typically have', 'cognitive impairment'),
    }),
    'comparison-chart': (('aspect', 'left_cell', 'right_cell'), {
        ('Affected Neurons', 'Upper and lower motor neurons', 'Mainly lower motor neurons'),
        ('Age of Onset', 'Usually in adulthood', 'Infancy or early childhood'),
        ('Primary Cause', 'Neurodegeneration of motor neurons', 'Genetic deficiency in the SMN1 gene'),
        ('Treatment and Prognosis', 'Symptom management, no cure', 'Gene therapy, varying prognosis'),
        ('Typical Progression', 'Rapid progression to paralysis', 'Variable, dependent on SMA type'),
    }),
    'cure': (('disease', 'name', 'verdict', 'evidence', 'value'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'cure status', 'no known cure'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'treatment focus', 'ALS treatments are focused on managing symptoms and prolonging survival'),
    }),
    'definition': (('disease', 'name', 'evidence', 'value'), {
        # issue 16: document 002 'ALS has traditionally been classified within neuromuscular disorders, but accumulating evidence shows extensive central nervous system involvement': MONDO's parent is imported, not reasoned over
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects', 'lower motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects', 'motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'affects', 'upper motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'derived: member of', 'motor neuron disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'derived: member of', 'neurodegenerative disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'derived: member of', 'non-demyelinating disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'described as', 'ALS has traditionally been classified within neuromuscular disorders'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'described as', 'ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'described as', 'ALS is a neurodegenerative disease (Difference Wiki)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'described as', "ALS is not a form of muscular dystrophy but a neurodegenerative disorder (document 002's answer)"),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'described as', 'current medical consensus classifies ALS as a neurodegenerative disorder rather than a muscular dystrophy'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'primary pathology', 'progressive degeneration and death of motor neurons and their axons (ALS)'),
        ('kg:SMA', 'spinal muscular atrophy', 'affects', 'motor neurons'),
        ('kg:SMA', 'spinal muscular atrophy', 'affects', 'motor neurons in the spinal cord'),
        ('kg:SMA', 'spinal muscular atrophy', 'caused by mutations in', 'SMN1'),
        ('kg:SMA', 'spinal muscular atrophy', 'derived: member of', 'genetic disease'),
        ('kg:SMA', 'spinal muscular atrophy', 'derived: member of', 'motor neuron disease'),
        ('kg:SMA', 'spinal muscular atrophy', 'derived: member of', 'neurodegenerative disease'),
        ('kg:SMA', 'spinal muscular atrophy', 'derived: member of', 'non-demyelinating disease'),
        ('kg:SMA', 'spinal muscular atrophy', 'described as', 'SMA is a disease of axonal degeneration affecting motor neurons (neuronal loss), not a demyelinating disease'),
        ('kg:SMA', 'spinal muscular atrophy', 'described as', 'SMA is a genetic disorder (Difference Wiki)'),
        ('kg:SMA', 'spinal muscular atrophy', 'mainly affects', 'lower motor neurons'),
        ('kg:SMA', 'spinal muscular atrophy', 'primary pathology', 'degeneration of lower motor neurons (SMA)'),
    }),
    'demyelinating-diseases': (('group_label', 'disease', 'name', 'evidence', 'value'), {
        ('demyelinating disease', 'kg:ADEM', 'acute disseminated encephalomyelitis', 'primary pathology', 'demyelination as the initial insult (ADEM)'),
        ('demyelinating disease', 'kg:ADEM', 'acute disseminated encephalomyelitis', 'stated', 'ADEM is a true demyelinating disease'),
        ('demyelinating disease', 'kg:GBS', 'Guillain-Barré syndrome', 'primary pathology', 'demyelination (Guillain-Barré syndrome)'),
        ('demyelinating disease', 'kg:GBS', 'Guillain-Barré syndrome', 'stated', 'Guillain-Barré syndrome is a true demyelinating disease'),
        ('demyelinating disease', 'kg:MS', 'multiple sclerosis', 'primary pathology', 'widespread focal degradation of the myelin sheath (MS)'),
        ('demyelinating disease', 'kg:MS', 'multiple sclerosis', 'stated', 'Multiple sclerosis is the classic demyelinating disease'),
        ('demyelinating disease', 'kg:NMOSD', 'neuromyelitis optica spectrum disorder', 'primary pathology', 'demyelination as the initial insult (NMO)'),
        ('demyelinating disease', 'kg:NMOSD', 'neuromyelitis optica spectrum disorder', 'stated', 'NMO / NMOSD is a true demyelinating disease'),
        ('non-demyelinating disease', 'kg:ALS', 'amyotrophic lateral sclerosis', 'primary pathology', 'progressive degeneration and death of motor neurons and their axons (ALS)'),
        ('non-demyelinating disease', 'kg:ALS', 'amyotrophic lateral sclerosis', 'stated', 'ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease'),
        ('non-demyelinating disease', 'kg:SMA', 'spinal muscular atrophy', 'primary pathology', 'degeneration of lower motor neurons (SMA)'),
        ('non-demyelinating disease', 'kg:SMA', 'spinal muscular atrophy', 'stated', 'SMA is a disease of axonal degeneration affecting motor neurons (neuronal loss), not a demyelinating disease'),
        ('non-demyelinating disease', 'kg:muscular-dystrophy', 'muscular dystrophy', 'primary pathology', 'progressive degeneration of the skeletal muscles (muscular dystrophy)'),
    }),
    'diagnosis': (('disease', 'name', 'role', 'value'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'MRI of the brain and spine shows', '"snake eyes" appearance of the anterior horns'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'MRI of the brain and spine shows', 'abnormal T2/FLAIR signal in the corticospinal tracts'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'imaging finding', '"snake eyes" appearance of the anterior horns'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'imaging finding', 'abnormal T2/FLAIR signal in the corticospinal tracts'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'key test', 'electromyography'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'key test', 'nerve conduction velocity studies'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'test or step', 'MRI of the brain and spine'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'test or step', 'clinical evaluation'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'test or step', 'ruling out other conditions'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'used mainly to exclude other conditions', 'MRI of the brain and spine'),
    }),
    'epidemiology': (('disease', 'name', 'statement', 'kind', 'value', 'minimum', 'maximum', 'unit'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS share of motor neuron disease cases: approximately 85%', 'share of cases', '85', '', '', 'percent'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'Reported cases of co-occurring ALS and MS: 33 as of 2024', 'reported case count', '33', '', '', 'cases'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'annual incidence of ALS: 1-2 per 100,000 people', 'annual incidence', '', '1', '2', 'cases per 100,000 people per year'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'share of ALS cases that are familial (genetic factors present): 5-10%', 'share of cases', '', '5', '10', 'percent'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'share of ALS cases that are sporadic: 85-90%', 'share of cases', '', '85', '90', 'percent'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'share of ALS patients who develop evidence of cognitive deterioration: up to 40%', 'share of patients with a feature', '', '', '40', 'percent'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'share of ALS patients with bulbar onset: 25-35%', 'share of cases', '', '25', '35', 'percent'),
    }),
    'genes': (('disease', 'name', 'in', 'gene', 'hgnc'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'familial amyotrophic lateral sclerosis', 'C9orf72', '<http://identifiers.org/hgnc/28337>'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'familial amyotrophic lateral sclerosis', 'FUS', '<http://identifiers.org/hgnc/4010>'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'familial amyotrophic lateral sclerosis', 'SOD1', '<http://identifiers.org/hgnc/11179>'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'familial amyotrophic lateral sclerosis', 'TARDBP', '<http://identifiers.org/hgnc/11571>'),
        ('kg:SMA', 'spinal muscular atrophy', 'spinal muscular atrophy', 'SMN1', '<http://identifiers.org/hgnc/11117>'),
        ('kg:muscular-dystrophy', 'muscular dystrophy', 'muscular dystrophy', 'DMD', '<http://identifiers.org/hgnc/2928>'),
        # document 002: 'Muscular dystrophies are primarily caused by mutations in genes responsible for muscle structure and function, ...'
        ('kg:muscular-dystrophy', 'muscular dystrophy', 'muscular dystrophy', 'genes responsible for muscle structure and function (primarily)', ''),
    }),
    'has-treatment': (('disease', 'name', 'verdict', 'treatment'), {
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'gene therapy'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'medications targeting the genetic cause'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'nusinersen'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'onasemnogene abeparvovec'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'physical therapy'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'risdiplam'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'supportive care'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'therapeutic approaches focused on motor neuron support'),
    }),
    'imaging': (('disease', 'name', 'finding', 'relation', 'value'), {
        # issue 16: 'The "snake eyes" appearance ... reflects lower motor neuron disease, not primary demyelination': a disease, not the neurons
        ('kg:ALS', 'amyotrophic lateral sclerosis', '"snake eyes" appearance of the anterior horns', 'corresponds to', 'lower motor neuron disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', '"snake eyes" appearance of the anterior horns', 'corresponds to', 'progressive degeneration and death of motor neurons and their axons (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', '"snake eyes" appearance of the anterior horns', 'located in', 'anterior horns of the spinal cord'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', '"snake eyes" appearance of the anterior horns', 'located in', 'spinal cord'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', '"snake eyes" appearance of the anterior horns', 'not indicative of', 'primary demyelination'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', '"snake eyes" appearance of the anterior horns', 'seen in', 'amyotrophic lateral sclerosis'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'abnormal T2/FLAIR signal in the corticospinal tracts', 'corresponds to', 'demyelination secondary to axonal degeneration (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'abnormal T2/FLAIR signal in the corticospinal tracts', 'corresponds to', 'gliosis along the corticospinal tracts (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'abnormal T2/FLAIR signal in the corticospinal tracts', 'corresponds to', 'progressive degeneration and death of motor neurons and their axons (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'abnormal T2/FLAIR signal in the corticospinal tracts', 'most frequently located in', 'cerebral peduncles'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'abnormal T2/FLAIR signal in the corticospinal tracts', 'located in', 'corticospinal tracts'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'abnormal T2/FLAIR signal in the corticospinal tracts', 'most frequently located in', 'posterior limb of the internal capsule'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'abnormal T2/FLAIR signal in the corticospinal tracts', 'seen in', 'amyotrophic lateral sclerosis'),
    }),
    'inheritance': (('disease', 'name', 'always_inherited', 'familial_cases', 'evidence', 'value'), {
        # issue 16: 'Most ALS cases are sporadic, but some are familial.' says not always, never 'no' (a negative no sentence states)
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'causal gene', 'C9orf72 (familial amyotrophic lateral sclerosis)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'causal gene', 'FUS (familial amyotrophic lateral sclerosis)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'causal gene', 'SOD1 (familial amyotrophic lateral sclerosis)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'causal gene', 'TARDBP (familial amyotrophic lateral sclerosis)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'figure', 'share of ALS cases that are familial (genetic factors present): 5-10%'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'figure', 'share of ALS cases that are sporadic: 85-90%'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'inheritance', 'familial'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not always', 'yes', 'inheritance', 'sporadic (no family history)'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'yes', 'causal gene', 'SMN1 (spinal muscular atrophy)'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'yes', 'inheritance', 'autosomal recessive'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'yes', 'stated', 'every case is inherited'),
    }),
    'is-demyelinating': (('disease', 'name', 'verdict', 'evidence', 'value'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'derived: member of', 'non-demyelinating disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'kind of primary pathology', 'axonal degeneration'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'kind of primary pathology', 'neuronal degeneration'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'primary pathology', 'progressive degeneration and death of motor neurons and their axons (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'stated', 'ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease'),
        ('kg:SMA', 'spinal muscular atrophy', 'no', 'derived: member of', 'non-demyelinating disease'),
        ('kg:SMA', 'spinal muscular atrophy', 'no', 'kind of primary pathology', 'axonal degeneration'),
        ('kg:SMA', 'spinal muscular atrophy', 'no', 'kind of primary pathology', 'neuronal degeneration'),
        ('kg:SMA', 'spinal muscular atrophy', 'no', 'primary pathology', 'degeneration of lower motor neurons (SMA)'),
        ('kg:SMA', 'spinal muscular atrophy', 'no', 'stated', 'SMA is a disease of axonal degeneration affecting motor neurons (neuronal loss), not a demyelinating disease'),
    }),
    'is-muscular-dystrophy': (('disease', 'name', 'verdict', 'evidence', 'value'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'derived', 'derived: member of motor neuron disease, disjoint with muscular dystrophy'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'not primarily affecting', 'myelin sheath'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'not primarily affecting', 'skeletal muscles'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'primary pathology', 'progressive degeneration and death of motor neurons and their axons (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'stated', "ALS is not a form of muscular dystrophy but a neurodegenerative disorder (document 002's answer)"),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'stated', 'ICD-11 designates motor neuron diseases as a separate category from muscular dystrophies'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'stated', 'current medical consensus classifies ALS as a neurodegenerative disorder rather than a muscular dystrophy'),
    }),
    'is-neuromuscular': (('disease', 'name', 'verdict', 'evidence', 'value'), {
        # issue 16: 'ALS has traditionally been classified within neuromuscular disorders, but accumulating evidence shows extensive central nervous system involvement': qualified, and MONDO's classification is named as imported
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'derived: member of', 'motor neuron disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'derived: member of', 'neurodegenerative disease'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'imported, not reasoned over', 'motor neuron disease under neuromuscular disorder in MONDO:0020128'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'involves', 'central nervous system'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'stated', 'ALS has traditionally been classified within neuromuscular disorders'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'stated', 'ALS is a neurodegenerative disease (Difference Wiki)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'stated', "ALS is not a form of muscular dystrophy but a neurodegenerative disorder (document 002's answer)"),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'traditionally', 'stated', 'current medical consensus classifies ALS as a neurodegenerative disorder rather than a muscular dystrophy'),
    }),
    'is-painless': (('disease', 'name', 'verdict', 'relation', 'feature', 'frequency'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'has clinical feature', 'pain', 'some patients'),
    }),
    'mechanisms': (('disease', 'name', 'kind', 'value'), {
        # issue 16: 'Both diseases share pathological hallmarks including intrinsic muscle defects, neuroinflammation, and selective motor neuron vulnerability' names hallmarks, not mechanisms
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'apoptosis'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'glutamate excitotoxicity'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'inflammation'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'mitochondrial dysfunction'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'oxidative stress'),
        # document 003 names a process under each mechanism heading ('Oxidative stress: Increased production of reactive oxygen species ...')
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'calcium influx'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'impaired energy production within motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'increased oxidative damage within motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'increased production of reactive oxygen species'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'overwhelmed cellular antioxidant defenses'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mechanism', 'overstimulation of motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'pathological hallmark', 'inflammation'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'pathological hallmark', 'intrinsic muscle defects'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'pathological hallmark', 'selective motor neuron vulnerability'),
        ('kg:SMA', 'spinal muscular atrophy', 'pathological hallmark', 'inflammation'),
        ('kg:SMA', 'spinal muscular atrophy', 'pathological hallmark', 'intrinsic muscle defects'),
        ('kg:SMA', 'spinal muscular atrophy', 'pathological hallmark', 'selective motor neuron vulnerability'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'molecular feature', 'TDP-43 protein deposits in the cytoplasm of motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'shares hallmarks with', 'spinal muscular atrophy'),
    }),
    'prenatal-detection': (('disease', 'name', 'verdict', 'test'), {
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'genetic testing during pregnancy'),
    }),
    'primary-pathology': (('disease', 'name', 'demyelinating', 'primarily_axonal', 'evidence', 'value'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'along', 'brain'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'along', 'corticospinal tracts'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'along', 'spinal cord'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'degeneration of', 'anterior horn cells'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'degeneration of', 'lower motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'degeneration of', 'motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'degeneration of', 'upper motor neurons'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'kind of primary pathology', 'axonal degeneration'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'kind of primary pathology', 'neuronal degeneration'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'not primarily affecting', 'myelin sheath'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'not primarily affecting', 'skeletal muscles'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'primary pathology', 'progressive degeneration and death of motor neurons and their axons (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'secondary pathology', 'demyelination secondary to axonal degeneration (ALS)'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'no', 'yes', 'secondary pathology', 'gliosis along the corticospinal tracts (ALS)'),
    }),
    'progression': (('disease', 'name', 'verdict', 'evidence', 'value', 'frequency'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'yes', 'comparison chart', 'Rapid progression to paralysis', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'yes', 'course', 'paralysis', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'yes', 'course', 'rapid progression', 'often'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'yes', 'course', 'rapid progression', 'typically, especially in later stages'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'yes', 'course', 'relentlessly progressive course', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'yes', 'course', 'respiratory failure', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'yes', 'course', 'severe disability', 'often'),
    }),
    'risk-groups': (('disease', 'name', 'group', 'minimum_age', 'maximum_age', 'predominant_sex'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'people at risk for ALS: adults, typically 40-70 years old, with a slight male predominance', '40', '70', 'male (slight)'),
    }),
    'subtypes': (('disease', 'name', 'verdict', 'subtype', 'severity_rank'), {
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'spinal muscular atrophy type 1', '1'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'spinal muscular atrophy type 2', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'spinal muscular atrophy type 3', ''),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'spinal muscular atrophy type 4', '4'),
    }),
    'survival': (('disease', 'name', 'statement', 'minimum', 'maximum', 'unit', 'measured_from'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS mean survival: 3-5 years (origin not stated)', '3', '5', 'year', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'ALS typical survival: 3-5 years after diagnosis (varies; some live longer)', '3', '5', 'year', 'diagnosis'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'mean survival in ALS: typically 3-5 years after symptom onset', '3', '5', 'year', 'symptom onset'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'primary cause of death: respiratory failure', '', '', '', ''),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'share of ALS patients living longer than 10 years: only 5-10%', '5', '10', 'percent', ''),
    }),
    'treatment-effects': (('disease', 'name', 'verdict', 'effect', 'intervention', 'outcome'), {
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'SMA treatment can slow progression and improve symptoms, especially with early intervention', 'treatment of SMA', 'improved symptoms'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'SMA treatment can slow progression and improve symptoms, especially with early intervention', 'treatment of SMA', 'slowed progression'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'SMA: gene therapy and treatments targeting the genetic cause offer potential for significant improvement', 'gene therapy', 'significant improvement'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'SMA: gene therapy and treatments targeting the genetic cause offer potential for significant improvement', 'medications targeting the genetic cause', 'significant improvement'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'SMA: physical therapy and supportive care can improve quality of life', 'physical therapy', 'improved quality of life'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'SMA: physical therapy and supportive care can improve quality of life', 'supportive care', 'improved quality of life'),
    }),
    'treatments': (('disease', 'name', 'relation', 'value', 'detail', 'status', 'source'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'aim or effect', 'ALS treatments are focused on managing symptoms and prolonging survival', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'cure', 'no known cure', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'drug', 'edaravone', 'intravenous (later also oral) free-radical scavenger; slowed functional decline (ALSFRS-R) over 24 weeks in a selected population', 'US FDA approval, May 2017', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'drug', 'riluzole', 'oral glutamate-release inhibitor; modest survival benefit, about 2\u20133 months in trials', 'US FDA approval, December 1995', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'drug', 'tofersen', 'intrathecal antisense oligonucleotide against SOD1 mRNA, for ALS with a SOD1 mutation only; lowered SOD1 and neurofilament light; primary clinical endpoint at 28 weeks not met', 'US FDA accelerated approval, April 2023', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not appropriate', 'disease-modifying therapies for demyelinating diseases like MS', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not appropriate', 'immunomodulatory therapies', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'gastrostomy (PEG) for dysphagia and weight loss', '', '', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'medications', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'multidisciplinary care', 'non-invasive ventilation for respiratory insufficiency (prolongs survival), gastrostomy (PEG) for dysphagia and weight loss, symptom management, palliative care', 'practice guideline', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'non-invasive ventilation for respiratory insufficiency', '', '', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'palliative care', '', '', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'physical therapy', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'supportive care', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'symptom management', '', '', 'from the curated supplement'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'symptom management', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'therapeutic approaches focused on motor neuron support', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'withdrawn drug', 'sodium phenylbutyrate and taurursodiol', 'oral combination', 'US FDA approval September 2022; withdrawn from the market by its maker in April 2024 after its phase 3 trial (PHOENIX) failed', 'from the curated supplement'),
    }),
}


# Without the curated supplement (kg ... --no-supplement): only what the five documents say.
WITHOUT_SUPPLEMENT: dict[str, tuple[tuple[str, ...], set[tuple[str, ...]]]] = {
    'treatments': (('disease', 'name', 'relation', 'value', 'detail', 'status', 'source'), {
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'aim or effect', 'ALS treatments are focused on managing symptoms and prolonging survival', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'cure', 'no known cure', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not appropriate', 'disease-modifying therapies for demyelinating diseases like MS', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'not appropriate', 'immunomodulatory therapies', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'medications', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'physical therapy', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'supportive care', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'symptom management', '', '', 'from the documents'),
        ('kg:ALS', 'amyotrophic lateral sclerosis', 'treatment or care', 'therapeutic approaches focused on motor neuron support', '', '', 'from the documents'),
    }),
    'has-treatment': (('disease', 'name', 'verdict', 'treatment'), {
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'gene therapy'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'medications targeting the genetic cause'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'physical therapy'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'supportive care'),
        ('kg:SMA', 'spinal muscular atrophy', 'yes', 'therapeutic approaches focused on motor neuron support'),
    }),
}


Rows = list[dict[str, Node | None]]


def answer(dataset: Dataset, query: SavedQuery, values: dict[str, list[str]] | None = None):
    result = run_saved_query(dataset, query, values or {})
    return answer_of([str(v) for v in result.vars or []], solutions(result), dataset)


def answer_of(names: list[str], rows: Rows, dataset: Dataset) -> tuple[tuple[str, ...], set[tuple[str, ...]]]:
    """A result's columns less the citation, and its rows as text."""
    variables = [name for name in names if name != CITATION_VARIABLE]
    return tuple(variables), {tuple(term_text(row[v], dataset) for v in variables) for row in rows}


@pytest.fixture(scope="module")
def default_result(dataset: Dataset,
                   saved_queries: dict[str, SavedQuery]) -> Callable[[str], tuple[list[str], Rows]]:
    """A saved query's column names and rows with its default values, evaluated once for the three tests that
    read them (rdflib takes 10 s of CPU over every saved query)."""
    results: dict[str, tuple[list[str], Rows]] = {}

    def result_of(name: str) -> tuple[list[str], Rows]:
        if name not in results:
            result = run_saved_query(dataset, saved_queries[name], {})
            results[name] = ([str(v) for v in result.vars or []], solutions(result))
        return results[name]

    return result_of


def test_every_document_question_is_answered_by_a_saved_query(saved_queries: dict[str, SavedQuery]) -> None:
    declared = {q.text for query in saved_queries.values() for q in query.questions}
    assert [q for q in DOCUMENT_QUESTIONS if q not in declared] == []


def test_every_saved_query_has_an_expected_answer(saved_queries: dict[str, SavedQuery]) -> None:
    assert set(saved_queries) - {"fact-citations"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_query_answers_as_the_documents_do(dataset: Dataset,
                                                 default_result: Callable[[str], tuple[list[str], Rows]],
                                                 name: str) -> None:
    columns, rows = EXPECTED[name]
    assert answer_of(*default_result(name), dataset) == (columns, rows)


@pytest.fixture(scope="module")
def documents_only() -> Dataset:
    """The graph without the curated supplement, as --no-supplement loads it."""
    return reason(load_graph(default_graph_files(supplement=False))).dataset()


@pytest.mark.parametrize("name", sorted(WITHOUT_SUPPLEMENT))
def test_without_the_supplement_the_answer_is_the_documents_alone(documents_only: Dataset,
                                                                  saved_queries: dict[str, SavedQuery],
                                                                  name: str) -> None:
    assert answer(documents_only, saved_queries[name]) == WITHOUT_SUPPLEMENT[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_answer_row_carries_a_citation_unless_derived(
        dataset: Dataset, default_result: Callable[[str], tuple[list[str], Rows]], name: str) -> None:
    """A row without a citation is allowed only for what the reasoner derived or an imported ontology says."""
    _, rows = default_result(name)
    for row in rows:
        if row[CITATION_VARIABLE] is None:
            text = " ".join(str(v) for v in row.values() if v is not None)
            assert "derived" in text or "imported" in text, (name, text)
    for row in rows:
        citation = row[CITATION_VARIABLE]
        if citation is not None:
            assert (citation, PROV.wasQuotedFrom, None) in dataset, citation
            assert dataset.value(citation, MND.quote) is not None


def test_question_bindings_narrow_the_answer(dataset: Dataset, saved_queries: dict[str, SavedQuery]) -> None:
    query = saved_queries["inheritance"]
    question = next(q for q in query.questions if q.text == "Is SMA always inherited?")
    _, rows = answer(dataset, query, {k: list(v) for k, v in question.bindings.items()})
    assert {(r[0], r[2]) for r in rows} == {("kg:SMA", "yes")}


def test_parameter_by_label_or_abbreviation(dataset: Dataset, saved_queries: dict[str, SavedQuery]) -> None:
    query = saved_queries["is-demyelinating"]
    for name in ("multiple sclerosis", "MS", "kg:MS", "https://w3id.org/mnd-kg/resource/MS"):
        _, rows = answer(dataset, query, {"disease": [name]})
        assert {(r[0], r[2]) for r in rows} == {("kg:MS", "yes")}


def test_disease_with_unknown_pathology_is_unknown_not_no(dataset: Dataset,
                                                          saved_queries: dict[str, SavedQuery]) -> None:
    """Open world: the documents never state the primary pathology of demyelinating polyneuropathy."""
    _, rows = answer(dataset, saved_queries["is-demyelinating"], {"disease": ["kg:demyelinating-polyneuropathy"]})
    assert {(r[0], r[2]) for r in rows} == {("kg:demyelinating-polyneuropathy", "unknown")}


def test_citations_of_answers(dataset: Dataset, default_result: Callable[[str], tuple[list[str], Rows]]) -> None:
    """Spot checks that key answers cite the sentence that states them."""
    checks = {
        ("is-demyelinating", "The primary pathological process in ALS is progressive degeneration and death of motor "
                             "neurons themselves and their axons, not degradation of the myelin sheath"),
        ("is-muscular-dystrophy", "The International Classification of Diseases (ICD-11) appropriately designates motor "
                                  "neuron diseases as a separate category from muscular dystrophies"),
        ("comparison-chart", "Genetic deficiency in the SMN1 gene"),
        ("is-painless", "It primarily causes muscle weakness, but some patients experience pain."),
        ("survival", "Varies, typically 3-5 years after diagnosis, but some live longer."),
        ("survival", "Mean survival of ALS patients is typically 3-5 years after symptom onset, with only 5-10% "
                     "living longer than 10 years"),
    }
    for name, quote in checks:
        _, rows = default_result(name)
        quotes = {str(dataset.value(row[CITATION_VARIABLE], MND.quote)) for row in rows
                  if row[CITATION_VARIABLE] is not None}
        assert quote in quotes, (name, quote)
