"""The tutorial series: every notebook in notebooks/ runs top to bottom under nbconvert, and
the outputs of cells that are deterministic match the committed ones.

Cells tagged `nondeterministic` (timings, pids, arrival order) are run but not compared.
Cells tagged `raises-exception` fail on purpose; nbconvert lets them, and so does this test.
"""
import glob
import os
import re
import subprocess
import tempfile
import unittest

import nbformat

REPO = os.environ["JMP_REPO"]
JUPYTER = "/usr/bin/jupyter"
SKIP = "nondeterministic"


def series():
    return sorted(glob.glob(os.path.join(REPO, "notebooks", "[0-9][0-9]-*.ipynb")))


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


class SeriesTest(unittest.TestCase):

    def test_every_notebook_runs_and_matches_its_committed_outputs(self):
        notebooks = series()
        self.assertGreaterEqual(len(notebooks), 2, notebooks)
        failures = []
        for path in notebooks:
            name = os.path.basename(path)
            out_dir = tempfile.mkdtemp()
            done = subprocess.run([JUPYTER, "nbconvert", "--to", "notebook", "--execute",
                                   "--ExecutePreprocessor.timeout=300", "--output-dir", out_dir, path],
                                  capture_output=True, text=True, timeout=900)
            if done.returncode != 0:
                failures.append("%s did not run: %s" % (name, done.stderr[-3000:]))
                continue
            committed = nbformat.read(path, as_version=4)
            executed = nbformat.read(os.path.join(out_dir, name), as_version=4)
            old_cells = [c for c in committed.cells if c.cell_type == "code"]
            new_cells = [c for c in executed.cells if c.cell_type == "code"]
            self.assertEqual(len(old_cells), len(new_cells), name)
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
            print("%s: ran, %d of %d code cells compared" % (name, compared, len(old_cells)))
        self.assertFalse(failures, "\n\n".join(failures))


if __name__ == "__main__":
    unittest.main()
