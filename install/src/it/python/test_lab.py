"""JupyterLab's side of the protocol (issue 15): ../node/lab_client.mjs drives the installed kernel
through @jupyterlab/services, JupyterLab's own client library, against a Jupyter server started
here on 127.0.0.1 with a random token (Debian's `jupyter notebook`: the same REST and WebSocket API
Lab uses). Node's packages come from ../node/package-lock.json (`npm ci`; .ci/run runs it, and
this test does when node_modules is missing). Afterwards the server, the kernel and its workers
must all be gone."""
import os
import shutil
import subprocess
import unittest

import browser_session
import jmp_client

NODE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node")
TIMEOUT = 900


class LabClientTest(unittest.TestCase):

    def setUp(self):
        for tool in ("node", "npm"):
            self.assertIsNotNone(shutil.which(tool), "the JupyterLab client test needs Node.js and npm "
                                 "(apt-get install nodejs npm)")
        if not os.path.isdir(os.path.join(NODE_DIR, "node_modules", "@jupyterlab", "services")):
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True, timeout=TIMEOUT)
        self.root, self.tag = browser_session.new_root()
        self.work = os.path.join(self.root, "work")
        os.makedirs(self.work)
        self.seen = {}
        self.server = browser_session.NotebookServer(self.root, self.tag)

    def tearDown(self):
        self.seen.update(browser_session.started_by(self.tag))
        problems = self.server.stop()
        alive = browser_session.wait_gone(self.tag, self.seen, 60)
        if alive:
            problems.append(jmp_client.kill_leftovers(alive))
        kinds = sorted({browser_session.kind(cmd) for _, cmd in self.seen.values()})
        print("processes the test started: %s; %s" % (", ".join(kinds), "all gone" if not alive else "some left"))
        if problems:
            problems.append("server log:\n" + self.server.log())
        shutil.rmtree(self.root, ignore_errors=True)
        self.assertFalse(problems, "\n".join(problems))

    def test_lab_client(self):
        env = dict(os.environ, JMP_LAB_URL=self.server.url, JMP_LAB_TOKEN=self.server.token, JMP_LAB_WORK=self.work,
                   NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
        env.update([self.tag.split("=", 1)])
        node = subprocess.Popen(["node", "lab_client.mjs"], cwd=NODE_DIR, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        try:
            output, _ = node.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.seen.update(browser_session.started_by(self.tag))
            node.kill()
            output, _ = node.communicate()
            self.fail("lab_client.mjs did not finish in %d s:\n%s" % (TIMEOUT, output))
        finally:
            self.seen.update(browser_session.started_by(self.tag))
        print(output)
        self.assertEqual(node.returncode, 0, output)
        self.assertIn("7 passed, 0 failed", output)


if __name__ == "__main__":
    unittest.main()
