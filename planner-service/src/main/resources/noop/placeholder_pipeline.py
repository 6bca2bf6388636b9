"""No-op pipeline (the noop coder): writes the placeholder predictions the evaluator prepared, so
a node costs the system's orchestration and a Python start, nothing else. For measuring the
system (`automlgen bench system`), never for solving a task."""
import gzip
import json
import os
import shutil

FILES = json.loads(r'''__FILES_JSON__''')
INPUT = os.environ["AUTOMLGEN_INPUT"]
OUTPUT = os.environ["AUTOMLGEN_OUTPUT"]


def copy(role, name):
    if role not in FILES:  # refit: full/ has no validation rows
        return
    source = os.path.join(INPUT, FILES[role])
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rb") as src, open(os.path.join(OUTPUT, name), "wb") as dst:
        shutil.copyfileobj(src, dst)


copy("sample_submission", "submission.csv")
copy("valid_sample_submission", "valid_predictions.csv")
