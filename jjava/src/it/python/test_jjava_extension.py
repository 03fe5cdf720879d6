"""jmp's magics in a JJava-style kernel (the test kernel of jjava/src/test, built on JJava's
jjava-jupyter 1.0-a6): the jmp-jjava jar is added with %jars, JJava's loader installs it as an
extension, and the magics run as in the jmp kernel. One kernel for the whole class; afterwards
no worker it launched may run."""
import os
import re
import unittest

import jmp_client
from jupyter_client.manager import start_new_kernel

KERNEL = "jmp-jjava-test"
JAR = os.environ["JMP_JJAVA_JAR"]


class JJavaExtensionTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=jmp_client.TIMEOUT)
        content, msgs = jmp_client.execute(cls.kc, "%%jars %s" % JAR)
        assert content["status"] == "ok", (content, msgs)
        content, msgs = jmp_client.execute(cls.kc, "record Pt(int x, int y) implements java.io.Serializable {}\n"
                                                   "int sq(int v) { return v * v; }")
        assert content["status"] == "ok", (content, msgs)

    @classmethod
    def tearDownClass(cls):
        pids = []
        try:
            _, msgs = jmp_client.execute(cls.kc, "dev.jmp.Jmp.launchedPids()")
            pids = [int(p) for p in re.findall(r"\d+", (jmp_client.result_of(msgs) or {}).get("text/plain", ""))]
        finally:
            jmp_client.stop(cls.km, cls.kc)
        assert pids, "no worker was launched"
        alive = jmp_client.wait_workers_gone(set(pids))
        assert not alive, "workers outlived the kernel: %s" % alive

    def run_ok(self, code):
        content, msgs = jmp_client.execute(self.kc, code)
        self.assertEqual(content["status"], "ok", (code, content.get("evalue"), jmp_client.text_of(msgs)))
        return msgs

    def value(self, code):
        result = jmp_client.result_of(self.run_ok(code))
        self.assertIsNotNone(result, code)
        return result["text/plain"]

    def test_spawn_returns_notebook_records_and_takes_quoted_jvm_options(self):
        msgs = self.run_ok('%%spawn -n 2 --out procs --jvm-opts "-Xmx64m -Dfoo=bar"\n'
                           'System.out.println("foo=" + System.getProperty("foo") + " in " + Worker.index());\n'
                           'return new Pt(sq(Worker.index() + 2), Worker.index());')
        out = jmp_client.text_of(msgs, "stdout")
        self.assertIn("foo=bar in 0", out)
        self.assertIn("foo=bar in 1", out)
        summary = " ".join(str(d["data"].get("text/plain", "")) for d in
                           [m["content"] for m in msgs if m["msg_type"] == "display_data"])
        self.assertIn("Pt[x=4, y=0]", out + summary)
        # The result is the notebook's own record class, not a copy of it.
        self.assertEqual(self.value("((Pt) procs.get(1).result()).x()"), "9")

    def test_pool_over_quoted_strings_with_progress(self):
        msgs = self.run_ok('%%pool --over List.of("a b", "c d e") --as s -n 2 --out lens\n'
                           'return new Pt(s.length(), s.split(" ").length);')
        shown = [m["content"]["data"].get("text/plain", "") for m in msgs
                 if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertTrue(any("2/2 (100%)" in s for s in shown), shown)
        self.assertEqual(self.value("lens"), "[Pt[x=3, y=2], Pt[x=5, y=3]]")
        self.assertEqual(self.value("lens.get(0) instanceof Pt"), "true")
        chart = [m["content"]["data"].get("text/plain", "") for m in self.run_ok("%timeline")
                 if m["msg_type"] == "display_data"]
        self.assertTrue(any("2 items on" in c for c in chart), chart)

    def test_background_run_is_replayed_by_wait(self):
        self.run_ok('%%spawn --bg --name later\nSystem.out.println("from the background");')
        msgs = self.run_ok("%wait later")
        self.assertIn("from the background", jmp_client.text_of(msgs, "stdout"))

    def test_shared_counter_updated_by_workers(self):
        self.run_ok("%%shared\nSharedCounter hits = counter(0);")
        self.run_ok("%%spawn -n 2\nhits.incrementAndGet();")
        self.assertEqual(self.value("hits.get()"), "2")

    def test_interrupt_stops_the_workers(self):
        msg_id = self.kc.execute("%%spawn --name sleeper\n"
                                 "System.out.println(\"running \" + ProcessHandle.current().pid());\n"
                                 "Thread.sleep(600_000);")
        pid = None
        while pid is None:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                found = re.search(r"running (\d+)", msg["content"]["text"])
                pid = int(found.group(1)) if found else None
        self.km.interrupt_kernel()
        reply = jmp_client.shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "error", reply["content"])
        self.assertEqual(jmp_client.wait_workers_gone([pid]), [], "the interrupted worker still runs")
        # JJava ended the cell at once; the run's summary still lands in that cell, not the next.
        summary = None
        while summary is None:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            text = msg["content"].get("data", {}).get("text/plain", "")
            if msg["parent_header"].get("msg_id") == msg_id and text.startswith("sleeper:"):
                summary = text
        self.assertEqual(self.value("1 + 1"), "2")


class JJavaClasspathTest(unittest.TestCase):
    """The jar in JJAVA_CLASSPATH (the kernelspec's env): installed at start-up, before any cell."""

    def test_magics_are_there_from_the_first_cell(self):
        km, kc = start_new_kernel(kernel_name=KERNEL + "-env", startup_timeout=jmp_client.TIMEOUT)
        pids = []
        try:
            content, _ = jmp_client.execute(kc, "record R(String s) implements java.io.Serializable {}")
            self.assertEqual(content["status"], "ok")
            content, msgs = jmp_client.execute(kc, '%%pool --over List.of("x y") --as s -n 1\nreturn new R(s + "!");')
            self.assertEqual(content["status"], "ok", (content.get("evalue"), jmp_client.text_of(msgs)))
            _, msgs = jmp_client.execute(kc, "results")
            self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "[R[s=x y!]]"})
            _, msgs = jmp_client.execute(kc, "dev.jmp.Jmp.launchedPids()")
            pids = [int(p) for p in re.findall(r"\d+", (jmp_client.result_of(msgs) or {}).get("text/plain", ""))]
        finally:
            jmp_client.stop(km, kc)
        self.assertTrue(pids)
        self.assertEqual(jmp_client.wait_workers_gone(set(pids)), [])


if __name__ == "__main__":
    unittest.main()
