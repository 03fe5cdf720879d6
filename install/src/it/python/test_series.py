"""The tutorial series: every notebook in notebooks/ from 02 on runs top to bottom under nbconvert,
and the outputs of cells that are deterministic match the committed ones (see notebook_check).
Notebooks 00 and 01 get the same check in test_notebooks, which CI also runs on Java 25.
"""
import glob
import os
import unittest

import notebook_check

REPO = os.environ["JMP_REPO"]


def series():
    return sorted(p for p in glob.glob(os.path.join(REPO, "notebooks", "[0-9][0-9]-*.ipynb"))
                  if not os.path.basename(p).startswith(notebook_check.FIRST))


class SeriesTest(unittest.TestCase):

    def test_every_notebook_runs_and_matches_its_committed_outputs(self):
        notebooks = series()
        self.assertGreaterEqual(len(notebooks), 2, notebooks)
        failures = []
        for path in notebooks:
            _, failed, line = notebook_check.run_and_compare(path)
            failures += failed
            print(line)
        self.assertFalse(failures, "\n\n".join(failures))


if __name__ == "__main__":
    unittest.main()
