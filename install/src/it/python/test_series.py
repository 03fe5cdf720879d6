"""The tutorial series: every notebook in notebooks/ from 02 on runs top to bottom under nbconvert,
and the outputs of cells that are deterministic match the committed ones (see notebook_check).
Notebooks 00 and 01 get the same check in test_notebooks, which CI also runs on Java 25.
Notebook 11 runs its pools on remote groups: it runs inside a network namespace, against the ssh
"hosts" and the Slurm that cluster_hosts makes (skipped, saying why, where they cannot be made).
"""
import glob
import os
import unittest

import cluster_hosts
import notebook_check

REPO = os.environ["JMP_REPO"]
REMOTE = "11-"
"""The notebook that needs remote groups."""


def series():
    return sorted(p for p in glob.glob(os.path.join(REPO, "notebooks", "[0-9][0-9]-*.ipynb"))
                  if not os.path.basename(p).startswith(notebook_check.FIRST))


class SeriesTest(unittest.TestCase):

    def test_every_notebook_runs_and_matches_its_committed_outputs(self):
        notebooks = series()
        self.assertGreaterEqual(len(notebooks), 2, notebooks)
        failures = []
        for path in notebooks:
            if os.path.basename(path).startswith(REMOTE):
                why = cluster_hosts.missing()
                if why:
                    print("%s: skipped (%s)" % (os.path.basename(path), why))
                    continue
                with cluster_hosts.remote_groups(failures) as (prefix, env):
                    _, failed, line = notebook_check.run_and_compare(path, prefix=prefix, env=env)
            else:
                _, failed, line = notebook_check.run_and_compare(path)
            failures += failed
            print(line)
        self.assertFalse(failures, "\n\n".join(failures))


if __name__ == "__main__":
    unittest.main()
