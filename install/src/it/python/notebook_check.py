"""Runs a notebook under nbconvert and compares its outputs with the committed ones, for test_series
(notebooks 02 and up) and test_notebooks (00 and 01, which also run on Java 25 in CI: running them
once in each place, not twice, is what keeps the suite inside its budget).

Cells tagged `nondeterministic` (timings, pids, arrival order) are run but not compared.
Cells tagged `raises-exception` fail on purpose; nbconvert lets them, and so does the comparison.
"""
import os
import subprocess
import tempfile

import nbformat

JUPYTER = "/usr/bin/jupyter"
SKIP = "nondeterministic"
FIRST = ("00-", "01-")
"""The notebooks test_notebooks runs and compares; test_series runs the others."""


def nbconvert(path, out_dir, timeout=900, prefix=(), env=None):
    """Executes the notebook at path into out_dir (300 s per cell, timeout for the whole: hang
    detectors); prefix goes before the command (`ip netns exec NS`), env replaces the environment."""
    return subprocess.run(list(prefix) + [JUPYTER, "nbconvert", "--to", "notebook", "--execute",
                                          "--ExecutePreprocessor.timeout=300", "--output-dir", out_dir, path],
                          capture_output=True, text=True, timeout=timeout, env=env)


def comparable(cell):
    """What of a cell's outputs must be the same on every run: stream text per stream, plain
    text of results and displays, and error names and messages."""
    streams = {}
    rest = []
    for out in cell.get("outputs", []):
        kind = out["output_type"]
        if kind == "stream":
            streams[out["name"]] = streams.get(out["name"], "") + out["text"]
        elif kind in ("execute_result", "display_data"):
            rest.append(("data", out.get("data", {}).get("text/plain", "")))
        elif kind == "error":
            rest.append(("error", out["ename"], out["evalue"]))
    norm = {name: "\n".join(line.rstrip() for line in text.splitlines()) for name, text in streams.items()}
    return norm, rest


def run_and_compare(path, prefix=(), env=None):
    """Runs the notebook (prefix and env as for nbconvert); returns (executed notebook or None,
    failures, a line for the log)."""
    name = os.path.basename(path)
    out_dir = tempfile.mkdtemp()
    done = nbconvert(path, out_dir, prefix=prefix, env=env)
    if done.returncode != 0:
        return None, ["%s did not run: %s" % (name, done.stderr[-3000:])], "%s: did not run" % name
    committed = nbformat.read(path, as_version=4)
    executed = nbformat.read(os.path.join(out_dir, name), as_version=4)
    old_cells = [c for c in committed.cells if c.cell_type == "code"]
    new_cells = [c for c in executed.cells if c.cell_type == "code"]
    if len(old_cells) != len(new_cells):
        return executed, ["%s: %d code cells committed, %d executed" % (name, len(old_cells), len(new_cells))], name
    failures = []
    compared = 0
    for index, (old, new) in enumerate(zip(old_cells, new_cells)):
        tags = old.get("metadata", {}).get("tags", [])
        if SKIP in tags:
            continue
        if "raises-exception" not in tags:
            errors = [o for o in new.outputs if o["output_type"] == "error"]
            if errors:
                failures.append("%s code cell %d failed: %s" % (name, index + 1, errors[0]["evalue"]))
                continue
        compared += 1
        if comparable(old) != comparable(new):
            failures.append("%s code cell %d differs from the committed output:\n--- committed\n%s\n--- now\n%s"
                            % (name, index + 1, comparable(old), comparable(new)))
    return executed, failures, "%s: ran, %d of %d code cells compared" % (name, compared, len(old_cells))
