"""{{title}}

Plan: {{plan}}

Pipeline (knowledge-base entities):
{{outline}}

Written by the AutoMLGen knowledge coder. Reads the prepared input/ folder and writes
output/valid_predictions.csv (when a valid split exists) and output/submission.csv.
Environment: AUTOMLGEN_SEED, AUTOMLGEN_CPUS, AUTOMLGEN_INPUT, AUTOMLGEN_OUTPUT, AUTOMLGEN_MODELS.
"""
{{common}}

# ---- task -------------------------------------------------------------------------------------------

{{task}}

# ---- pipeline spec ----------------------------------------------------------------------------------

{{pipeline}}

{{components}}
{{data}}
