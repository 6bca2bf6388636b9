# Checks rendered entity templates and error signatures in one process (called by PythonEntityCheck).
# stdin: {"runtime": [...], "items": [{"file", "id", "code", "packages", "signatures"}]}
# stdout: a JSON list of {"file", "id", "field", "message"}, one per problem.
import ast
import json
import re
import sys

request = json.load(sys.stdin)
runtime = set(request["runtime"])
problems = []


def problem(item, field, message):
    problems.append({"file": item["file"], "id": item["id"], "field": field, "message": message})


for item in request["items"]:
    for i, signature in enumerate(item["signatures"]):
        try:
            re.compile(signature)
        except re.error as e:
            problem(item, "error_signatures[%d]" % i, "not a valid Python regex: %s" % e)
    code = item["code"]
    if code is None:
        continue
    try:
        tree = compile(code, item["id"], "exec", flags=ast.PyCF_ONLY_AST)
        compile(tree, item["id"], "exec")
    except SyntaxError as e:
        problem(item, "template", "rendered template does not compile: line %s: %s" % (e.lineno, e.msg))
        continue
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
    for module in sorted(imported):
        if module in sys.stdlib_module_names:
            continue
        if module not in runtime:
            problem(item, "template", "imports '%s', which is not in the runtime (%s)"
                    % (module, ", ".join(sorted(runtime))))
        elif module not in item["packages"]:
            problem(item, "packages", "the template imports '%s'; add it to packages" % module)

json.dump(problems, sys.stdout)
