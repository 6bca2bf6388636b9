"""Compares a pipeline's output file with the template it must match (docs/pipeline-contract.md).

usage: check_output.py <template csv> <output csv> <id column> <prediction columns, comma-separated>
Prints one JSON object: rows, columns, same_columns, same_ids, missing_values, and problem (null when it matches).
"""
import json
import sys

import pandas as pd

template_path, output_path, id_column, predicted = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
template = pd.read_csv(template_path, low_memory=False)
output = pd.read_csv(output_path, low_memory=False, keep_default_na=False, na_values=[""])
problem = None
if list(output.columns) != list(template.columns):
    problem = f"columns {list(output.columns)[:5]} differ from {list(template.columns)[:5]}"
elif len(output) != len(template):
    problem = f"{len(output)} rows, expected {len(template)}"
elif id_column in template.columns and not output[id_column].astype(str).equals(template[id_column].astype(str)):
    problem = "ids differ from the template's, or are in another order"
else:
    empty = [c for c in predicted if c in output.columns and output[c].isna().any() and output[c].dtype != object]
    if empty:
        problem = f"missing predictions in {empty}"
print(json.dumps({"rows": len(output), "columns": len(output.columns), "problem": problem}))
