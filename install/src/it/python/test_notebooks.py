"""Must-show 3: nbconvert executes notebooks/00-*.ipynb; a notebook whose cell throws fails."""
import glob
import os
import subprocess
import tempfile
import unittest

import nbformat

REPO = os.environ["JMP_REPO"]
JUPYTER = "/usr/bin/jupyter"


def nbconvert(path, out_dir):
    return subprocess.run([JUPYTER, "nbconvert", "--to", "notebook", "--execute",
                           "--ExecutePreprocessor.timeout=300", "--output-dir", out_dir, path],
                          capture_output=True, text=True, timeout=600)


class NotebookTest(unittest.TestCase):

    def test_first_notebooks_execute(self):
        notebooks = sorted(glob.glob(os.path.join(REPO, "notebooks", "00-*.ipynb")))
        self.assertTrue(notebooks)
        for path in notebooks:
            out = tempfile.mkdtemp()
            done = nbconvert(path, out)
            self.assertEqual(done.returncode, 0, done.stderr[-3000:])
            executed = nbformat.read(os.path.join(out, os.path.basename(path)), as_version=4)
            outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
            self.assertFalse([o for o in outputs if o.output_type == "error"])
            first = next(c for c in executed.cells if c.cell_type == "code")
            self.assertEqual(first.outputs[0]["data"]["text/plain"], "2")

    def test_a_failing_cell_fails_nbconvert(self):
        work = tempfile.mkdtemp()
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "jmp", "display_name": "Java (jmp)", "language": "java"}
        nb.cells = [nbformat.v4.new_code_cell("1 + 1"),
                    nbformat.v4.new_code_cell('throw new IllegalStateException("notebook failure");'),
                    nbformat.v4.new_code_cell('"never reached"')]
        path = os.path.join(work, "fails.ipynb")
        nbformat.write(nb, path)
        done = nbconvert(path, tempfile.mkdtemp())
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("notebook failure", done.stderr + done.stdout)


if __name__ == "__main__":
    unittest.main()
