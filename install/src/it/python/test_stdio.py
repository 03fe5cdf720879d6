"""The kernel's descriptors 1 and 2 are captured, as IPython's kernel captures its own: what a child
process started with ProcessBuilder.inheritIO() prints shows in the cell that runs it (stdout as
stdout, stderr as stderr), Java's System.out is not doubled, and output that arrives while no cell
runs goes to the kernel's terminal (its log), not into a cell."""
import os
import tempfile
import time
import unittest

from jupyter_client.manager import start_new_kernel

import jmp_client


class StdioCaptureTest(jmp_client.KernelTestCase):

    @classmethod
    def setUpClass(cls):
        # The kernel's terminal is a file here, so the test can read what reached it.
        fd, cls.terminal = tempfile.mkstemp(prefix="jmp-kernel-terminal-", suffix=".txt")
        os.close(fd)
        cls.terminal_file = open(cls.terminal, "w")
        cls.km, cls.kc = start_new_kernel(kernel_name="jmp", startup_timeout=jmp_client.TIMEOUT,
                                          stdout=cls.terminal_file, stderr=cls.terminal_file)
        cls.pids = set()

    @classmethod
    def tearDownClass(cls):
        try:
            super().tearDownClass()
        finally:
            cls.terminal_file.close()
            os.unlink(cls.terminal)

    def terminal_text(self):
        with open(self.terminal, encoding="utf-8", errors="replace") as f:
            return f.read()

    def test_inherited_stdout_and_stderr_of_a_child_show_in_its_cell(self):
        _, msgs = self.run_ok('new ProcessBuilder("echo", "hi from child").inheritIO().start().waitFor();')
        self.assertIn("hi from child\n", jmp_client.text_of(msgs, "stdout"), msgs)
        _, msgs = self.run_ok('new ProcessBuilder("sh", "-c", "echo oops from child >&2").inheritIO().start().waitFor();')
        self.assertIn("oops from child\n", jmp_client.text_of(msgs, "stderr"), msgs)
        self.assertNotIn("oops from child", jmp_client.text_of(msgs, "stdout"))
        self.assertNotIn("from child", self.terminal_text(), "a cell ran: nothing went to the terminal")

    def test_java_output_is_not_doubled(self):
        _, msgs = self.run_ok('System.out.println("once from java");\n'
                              'new ProcessBuilder("echo", "once from the child").inheritIO().start().waitFor();')
        out = jmp_client.text_of(msgs, "stdout")
        self.assertEqual(out.count("once from java"), 1, out)
        self.assertEqual(out.count("once from the child"), 1, out)
        self.assertNotIn("once from", self.terminal_text())

    def test_output_while_no_cell_runs_goes_to_the_kernels_terminal(self):
        # The child prints only once the test has seen the cell end (a file it creates then), so
        # the line comes while no cell runs however slow the machine is.
        gate = jmp_client.release_file()
        _, msgs = self.run_ok('new ProcessBuilder("sh", "-c", "while [ ! -e %s ]; do sleep 0.05; done; '
                              'echo late from child").inheritIO().start();' % gate)
        jmp_client.release(gate)
        self.assertNotIn("late from child", jmp_client.text_of(msgs))
        deadline = time.time() + jmp_client.TIMEOUT  # a hang detector
        while "late from child" not in self.terminal_text() and time.time() < deadline:
            time.sleep(0.1)
        self.assertIn("late from child", self.terminal_text())


if __name__ == "__main__":
    unittest.main()
