"""Must-show 3: nbconvert executes notebooks/00-*.ipynb and 01, whose deterministic outputs match
the committed ones (the check test_series makes for the rest of the series); a notebook whose cell
throws fails."""
import glob
import os
import tempfile
import unittest

import nbformat

import notebook_check

REPO = os.environ["JMP_REPO"]


def nbconvert(path, out_dir):
    return notebook_check.nbconvert(path, out_dir, timeout=600)


def run_and_compare(test, path):
    """Runs the notebook, fails the test on a failed or changed cell; returns the executed notebook."""
    executed, failures, line = notebook_check.run_and_compare(path)
    print(line)
    test.assertFalse(failures, "\n\n".join(failures))
    return executed


class NotebookTest(unittest.TestCase):

    def test_first_notebooks_execute(self):
        notebooks = sorted(glob.glob(os.path.join(REPO, "notebooks", "00-*.ipynb")))
        self.assertTrue(notebooks)
        for path in notebooks:
            executed = run_and_compare(self, path)
            outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
            self.assertFalse([o for o in outputs if o.output_type == "error"])
            first = next(c for c in executed.cells if c.cell_type == "code")
            self.assertEqual(first.outputs[0]["data"]["text/plain"], "2")

    def test_magics_tour_executes(self):
        executed = run_and_compare(self, os.path.join(REPO, "notebooks", "01-magics-tour.ipynb"))
        code = [c for c in executed.cells if c.cell_type == "code"]
        self.assertFalse([o for c in code for o in c.outputs if o.output_type == "error"])
        by_source = {c.source.splitlines()[0]: c for c in code}
        waited = "".join(o.get("text", "") for o in by_source["%wait slow"].outputs)
        self.assertEqual(sorted(waited.splitlines()), sorted("[w%d] tick %d" % (w, i) for w in (0, 1) for i in range(3)),
                         "%wait replays the background run's output into the batch run")
        progress = [o for o in by_source[next(k for k in by_source if k.startswith("%%pool --over LongStream"))].outputs
                    if o.output_type == "display_data"]
        self.assertRegex(progress[0]["data"]["text/plain"], r"40/40 \(100%\).* - done",
                         "nbconvert keeps the progress display's final state")
        self.assertEqual(by_source["counter   // still 5 in the kernel"].outputs[0]["data"]["text/plain"], "5")

    def test_a_failing_worker_fails_nbconvert(self):
        work = tempfile.mkdtemp()
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "jmp", "display_name": "Java (jmp)", "language": "java"}
        nb.cells = [nbformat.v4.new_code_cell("%%spawn -n 2\nSystem.out.println(\"worker \" + Worker.index());\n"
                                              "if (Worker.index() == 1) throw new IllegalStateException(\"worker failure\");"),
                    nbformat.v4.new_code_cell('"never reached"')]
        path = os.path.join(work, "fails.ipynb")
        nbformat.write(nb, path)
        done = nbconvert(path, tempfile.mkdtemp())
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("worker failure", done.stderr + done.stdout)

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
