"""%%pool through a real Jupyter client: live progress by update_display_data with one display id
(at most 10 a second, text form for nbconvert), output labelled by item before the reply, typed
results in the next cell, notebook records and redefined methods in workers, --on-error stop and
collect, interrupts, bad input, and no worker outliving the kernel."""
import os
import shutil
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

import jmp_client


class PoolTest(jmp_client.KernelTestCase):

    WARM = 2

    def test_progress_updates_in_place_and_output_streams_before_the_reply(self):
        # Items 15 and up wait for a file the test creates only once it has seen item output and a
        # progress update of the first items: both must arrive while the cell runs, whatever the timing.
        gate = jmp_client.release_file()
        msg_id = self.kc.execute("%%%%pool --over java.util.stream.IntStream.range(0, 30) --as i -n 2 --out squares\n"
                                 "System.out.println(\"working on \" + i);\nif (i >= 15) { %s }\n"
                                 "Thread.sleep(60);\nreturn i * i;" % jmp_client.await_file(gate))
        timed = []
        while not (any(m["msg_type"] == "stream" for _, m in timed)
                   and any(m["msg_type"] == "update_display_data" for _, m in timed)):
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                self.assertFalse(msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle",
                                 "the cell ended while items waited")
                timed.append((time.time(), msg))
        jmp_client.release(gate)
        timed += jmp_client.collect(self.kc, msg_id)
        reply = jmp_client.shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        msgs = [m for _, m in timed]
        shown = [m["content"] for m in msgs if m["msg_type"] == "display_data"]
        updates = [(t, m["content"]) for t, m in timed if m["msg_type"] == "update_display_data"]
        display_id = shown[0]["transient"]["display_id"]
        self.assertRegex(shown[0]["data"]["text/plain"], r"^pool-\d+: 0/30 \(0%\)")
        self.assertIn("<div class=\"jmp-progress\">", shown[0]["data"]["text/html"])
        self.assertGreaterEqual(len(updates), 2, "progress updated while the items ran")
        for _, u in updates:
            self.assertEqual(u["transient"]["display_id"], display_id)
        # At most 10 updates a second is ProgressDisplayTest's to check: arrival times at this
        # client bunch up on a loaded machine.
        self.assertRegex(updates[0][1]["data"]["text/plain"], r"^pool-\d+: (\d|1[0-5])/30 ")
        self.assertRegex(updates[-1][1]["data"]["text/plain"], r"^pool-\d+: 30/30 \(100%\), .*0 failed - done$")
        streams = [(t, m["content"]["text"]) for t, m in timed if m["msg_type"] == "stream"]
        lines = "".join(s for _, s in streams).splitlines()
        self.assertEqual(sorted(lines), sorted("[%d] working on %d" % (i, i) for i in range(30)))
        self.assertEqual(self.value("int sum = 0; for (int s : squares) sum += s; sum"), str(sum(i * i for i in range(30))))
        self.assertEqual(self.value("squares.get(7)"), "49")

    def test_notebook_records_and_redefined_methods_travel(self):
        self.run_ok("record Pair(int a, int b) implements java.io.Serializable {}")
        self.run_ok("int weight(Pair p) { return p.a() + p.b(); }")
        self.run_ok("var pairs = List.of(new Pair(1, 2), new Pair(3, 4));")
        self.run_ok("%%pool --over pairs --as p -n 2 --out swapped\nreturn new Pair(p.b(), weight(p));")
        self.assertEqual(self.value("swapped"), "[Pair[a=2, b=3], Pair[a=4, b=7]]")
        self.assertEqual(self.value("swapped.get(1) instanceof Pair"), "true")
        self.run_ok("int weight(Pair p) { return 100 * p.a(); }")
        self.run_ok("%%pool --over pairs --as p -n 2 --out weights\nreturn weight(p);")
        self.assertEqual(self.value("weights"), "[100, 300]")

    def test_on_error_stop_fails_with_cell_lines_and_collect_keeps_going(self):
        content, msgs = self.run_error("%%pool --over List.of(4, 0, 2) --as d -n 2\nint q = 8 / d;\nreturn q;")
        cell = content["execution_count"]
        self.assertEqual(content["ename"], "java.lang.ArithmeticException")
        self.assertIn("item 1 (d = 0) failed", content["evalue"])
        self.assertIn("at cell [%d], line 2" % cell, "\n".join(content["traceback"]))
        self.assertNotIn("$JShell$", "\n".join(content["traceback"]))
        _, msgs = self.run_ok("%%pool --over List.of(4, 0, 2) --as d -n 2 --on-error collect --out qs\nreturn 8 / d;")
        self.assertEqual(self.value("qs"), "[2, null, 4]")
        table = [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "display_data"][-1]
        self.assertIn("1 item failed (their results are null)", table)
        self.assertRegex(table, r"\n1\s+0\s+java.lang.ArithmeticException: / by zero")

    def test_interrupt_cancels_the_items_and_stops_the_workers(self):
        msg_id = self.kc.execute("%%pool --over java.util.stream.IntStream.range(0, 50) --as i -n 2\n"
                                 "System.out.println(\"started \" + i);\nThread.sleep(600_000);\nreturn i;")
        started = False
        while not started:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            started = (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                       and "started" in msg["content"]["text"])
        self.km.interrupt_kernel()
        reply = jmp_client.shell_reply(self.kc, msg_id, jmp_client.TIMEOUT)
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertIn("were cancelled", reply["content"]["evalue"])
        jmp_client.collect(self.kc, msg_id)
        _, msgs = self.run_ok("%workers")
        table = [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "display_data"][-1]
        self.assertNotRegex(table, r"pool-\d+-w\d+\s+\d+\s+busy", table)
        self.assertEqual(self.value("1 + 1"), "2")

    def test_over_an_endless_stream_is_read_lazily_and_stops_at_the_timeout(self):
        # Issue 11 item 9: the items were collected into a list before anything ran, outside
        # --timeout: an endless stream ran until the kernel ran out of memory.
        content, msgs = self.run_error("%%pool --over java.util.stream.IntStream.iterate(0, x -> x + 1) --as i -n 2"
                                       " --timeout 5 --out r\nreturn i;")
        self.assertEqual(content["ename"], "Timeout", content)
        self.assertIn("did not finish within --timeout 5.00 s", content["evalue"])
        self.assertIn("taken so far from --over, which has no known end", content["evalue"])
        updates = [m["content"]["data"]["text/plain"] for m in msgs
                   if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertRegex(updates[-1], r"^pool-\d+: \d+ done, .* - stopped by --timeout$")
        self.assertEqual(self.value("1 + 1"), "2")

    def test_a_callback_that_throws_shows_its_error_in_the_cell(self):
        # Issue 11 item 6: the exception was lost. Callbacks run in order on one thread, so once
        # the second one ran, the first one's report is written.
        content, msgs = self.run_ok(
            "var cbPool = new dev.jmp.Pool(1);\n"
            "var after = new java.util.concurrent.CountDownLatch(1);\n"
            "cbPool.applyAsync(() -> 5, v -> { throw new IllegalStateException(\"bug\"); }, null);\n"
            "cbPool.applyAsync(() -> 6, v -> after.countDown(), null);\n"
            "after.await();")
        err = "".join(m["content"]["text"] for m in msgs
                      if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        self.assertIn("Exception in a callback of job", err)
        self.assertIn("IllegalStateException: bug", err)
        self.assertIn("line 3", err)
        self.assertNotIn("$JShell$", err)
        self.assertEqual(self.value("cbPool.apply(() -> 8)"), "8", "the pool goes on")
        self.run_ok("cbPool.terminate();")

    def test_bad_input_and_unsendable_variables_start_nothing(self):
        self.run_ok("Object handle = new Object();")
        before = self.value(jmp_client.LAUNCHED + ".size()")
        for code, expected in (("%%pool --as x\nreturn x;", "%%pool needs --over EXPR"),
                               ("%%pool --over List.of(1) --as x --on-error maybe\nreturn x;",
                                "--on-error must be stop or collect"),
                               ("%%pool --over 42 --as x\nreturn x;", "--over 42: it must be an Iterable, an array or a stream"),
                               ("%%pool --over missingList --as x\nreturn x;", "--over missingList: cannot find symbol"),
                               ("%%pool --over List.of(1) --as x\nreturn x +;", "illegal start of expression"),
                               ("%%pool --over List.of(1) --as x\nreturn handle.hashCode() + x;",
                                "variable `handle` (java.lang.Object) cannot be sent to a worker")):
            content, _ = self.run_error(code)
            self.assertIn(expected, content["evalue"], code)
        self.assertEqual(self.value(jmp_client.LAUNCHED + ".size()"), before, "no worker started")
        text = jmp_client.text_of(self.run_ok("%%pool --help")[1])
        self.assertIn("Usage: %%pool --over EXPR --as NAME", text)


    def test_workers_that_cannot_start_fail_the_cell_once_with_their_reason(self):
        # A Java home whose java starts no JVM: every worker dies before it connects.
        home = tempfile.mkdtemp(prefix="jmp-test-brokenjava-")
        self.addCleanup(shutil.rmtree, home, True)
        os.makedirs(os.path.join(home, "bin"))
        with open(os.path.join(home, "release"), "w") as f:
            f.write('JAVA_VERSION="17.0.99"\n')
        java = os.path.join(home, "bin", "java")
        with open(java, "w") as f:
            f.write("#!/bin/sh\necho 'this java is broken on purpose' >&2\nexit 3\n")
        os.chmod(java, 0o755)
        content, _ = self.run_error("%%pool --over List.of(1, 2, 3) --as x -n 2 --java " + home + "\nreturn x;")
        self.assertEqual(content["ename"], "WorkerStartException", content)
        # Which start fails first depends on timing (the first launch, a replacement, or the third
        # death in a row), and so does the sentence; the reason, the workers' own stderr, is always there.
        self.assertIn("could not run: ", content["evalue"])
        self.assertIn("this java is broken on purpose", content["evalue"])
        shown = "\n".join(content["traceback"])
        for internal in ("item -1", "ThreadPoolExecutor", "dev.jmp.internal"):
            self.assertNotIn(internal, shown, "the pool's failure is not an item's, nor a trace of the runtime")

    def test_timeline_draws_a_row_per_worker_and_a_bar_per_item(self):
        self.run_ok("%%pool --over java.util.stream.IntStream.range(0, 8) --as i -n 2 --chunksize 1 --on-error collect\n"
                    "Thread.sleep(80);\nif (i == 5) throw new IllegalStateException(\"five\");\nreturn i;")
        _, msgs = self.run_ok("%timeline --width 640")
        shown = self.displays(msgs)
        self.assertEqual(len(shown), 1, msgs)
        svg = ET.fromstring(shown[0]["data"]["image/svg+xml"])
        ns = {"s": "http://www.w3.org/2000/svg"}
        self.assertEqual(svg.get("width"), "640")
        rows = svg.findall("s:g[@class='row']", ns)
        self.assertEqual(len(rows), 2, "one row per worker")
        bars = [r for row in rows for r in row.findall("s:rect", ns)]
        self.assertEqual(len(bars), 8, "one bar per item")
        tips = sorted(b.find("s:title", ns).text for b in bars)
        for i in range(8):
            self.assertTrue(any(t.startswith("item %d: " % i) for t in tips), (i, tips))
        failed = [b.find("s:title", ns).text for b in bars if "failed" in b.get("class").split()]
        self.assertEqual(len(failed), 1, tips)
        self.assertRegex(failed[0], r"^item 5: \d+\.\d{3} s, failed \(.*IllegalStateException: five\)$")
        for b in bars:
            seconds = float(b.find("s:title", ns).text.split(": ")[1].split(" s")[0])
            self.assertGreaterEqual(seconds, 0.07, "each item slept 80 ms")
        ticks = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tick-label"]
        self.assertEqual(ticks[0].split()[1], "s")
        self.assertRegex(ticks[0], r"^0(\.0+)? s$")
        text = shown[0]["data"]["text/plain"]
        self.assertRegex(text, r"^pool-\d+ \(%%pool\): 8 items on 2 workers, \d+\.\d+ s, 1 failed\n")
        self.assertRegex(text, r"\n  w[12] \(pid \d+\): \d items, busy")
        _, msgs = self.run_ok("%timeline --help")
        self.assertIn("Usage: %timeline", jmp_client.text_of(msgs))
        content, msgs = self.run_error("%timeline no-such-run")
        self.assertIn("no run named no-such-run; recent runs: pool-", content["evalue"])


if __name__ == "__main__":
    unittest.main()
