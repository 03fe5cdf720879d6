"""Processes started from a worker see the notebook as the worker does (issue 11 item 3): a
notebook record, a notebook variable and a %%shared counter used by a Process that a %%spawn
body starts, through a real Jupyter client."""
import unittest

import jmp_client


class NestedTest(jmp_client.KernelTestCase):

    def test_a_process_started_in_a_spawn_body_sees_notebook_classes_variables_and_shared_objects(self):
        self.run_ok("record Point(int x, int y) implements java.io.Serializable {}\nString greeting = \"hello\";")
        self.run_ok("%%shared\nSharedCounter hits = counter(0);\nSharedLock guard = lock();")
        self.run_ok("%%spawn --out procs\n"
                    "Process inner = new Process(() -> {\n"
                    "    guard.lock();\n"
                    "    try {\n"
                    "        hits.incrementAndGet();\n"
                    "    } finally {\n"
                    "        guard.unlock();\n"
                    "    }\n"
                    "    return new Point(greeting.length(), 2) + \" \" + greeting;\n"
                    "}).start().join();\n"
                    "if (inner.exitCode() != 0) {\n"
                    "    throw new IllegalStateException(\"the inner process failed: \" + inner.exception());\n"
                    "}\n"
                    "return inner.result();")
        self.assertEqual(self.value("procs.get(0).result()"), "Point[x=5, y=2] hello")
        self.assertEqual(self.value("hits.get()"), "1")
        self.assertEqual(self.value("guard.isLocked()"), "false")


if __name__ == "__main__":
    unittest.main()
