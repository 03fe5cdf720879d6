"""%%spawn, %wait, %terminate and %workers through a real Jupyter client: live labelled output
before the reply, the summary table, --out handles, failures in cell lines with the other
workers' output kept, --bg output after the reply and its replay, interrupts, timeouts, bad
input, and no worker outliving the kernel."""
import re
import time
import unittest
import xml.etree.ElementTree as ET

import jmp_client


class SpawnTest(jmp_client.KernelTestCase):

    WARM = 2

    def test_output_streams_live_labelled_in_whole_lines_then_a_summary(self):
        # After their first line the workers wait for a file the test creates only once a line
        # has arrived: output must stream while the cell runs, whatever the timing.
        gate = jmp_client.release_file()
        msg_id = self.kc.execute("%%%%spawn -n 2\nfor (int i = 0; i < 4; i++) {\n"
                                 "    System.out.println(\"tick \" + i + \" of \" + Worker.index());\n"
                                 "    if (i == 0) { %s }\n"
                                 "    Thread.sleep(30);\n}\nreturn Worker.index() * 10;" % jmp_client.await_file(gate))
        timed = []
        while not any(m["msg_type"] == "stream" for _, m in timed):
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                self.assertFalse(msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle",
                                 "the cell ended before its output arrived")
                timed.append((time.time(), msg))
        jmp_client.release(gate)
        timed += jmp_client.collect(self.kc, msg_id)
        reply = jmp_client.shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        streams = [(t, m["content"]["text"]) for t, m in timed if m["msg_type"] == "stream"]
        text = "".join(s for _, s in streams)
        for s in (s for _, s in streams):
            self.assertTrue(s.endswith("\n"), "a stream message ends mid-line: %r" % s)
        lines = text.splitlines()
        for w in (0, 1):
            mine = [l for l in lines if l.startswith("[w%d] " % w)]
            self.assertEqual(mine, ["[w%d] tick %d of %d" % (w, i, w) for i in range(4)], text)
        self.assertEqual(len(lines), 8, text)
        summary = self.displays([m for _, m in timed])[-1]["data"]
        self.assertIn("<table", summary["text/html"])
        plain = summary["text/plain"].splitlines()
        self.assertRegex(plain[0], r"^spawn-\d+: 2 workers, 2 ok, [0-9.]+ s$")
        self.assertRegex(plain[2], r"^w0\s+spawn-\d+-0\s+\d+\s+0\s+[0-9.]+ s\s+0$")
        self.assertRegex(plain[3], r"^w1\s+spawn-\d+-1\s+\d+\s+0\s+[0-9.]+ s\s+10$")

    def test_out_binds_the_process_handles(self):
        _, msgs = self.run_ok("%%spawn -n 2 --name handles --out procs\nreturn \"r\" + Worker.index();")
        table = self.displays(msgs)[-1]["data"]["text/plain"]
        pid0 = int(re.search(r"^w0\s+handles-0\s+(\d+)", table, re.M).group(1))
        self.assertEqual(self.value("procs.size()"), "2")
        self.assertEqual(self.value("procs.get(0).pid()"), str(pid0))
        self.assertEqual(self.value("procs.get(1).result()"), 'r1')
        self.assertEqual(self.value("procs.get(0).join().exitCode()"), "0")
        self.assertEqual(self.value("procs.get(1).name()"), 'handles-1')

    def test_group_prints_each_workers_output_together_at_the_end(self):
        _, msgs = self.run_ok("%%spawn -n 3 --group\nfor (int i = 0; i < 3; i++) {\n"
                              "    System.out.println(\"g\" + i);\n    Thread.sleep(50);\n}")
        text = jmp_client.text_of(msgs)
        self.assertEqual(text.splitlines(), ["[w%d] g%d" % (w, i) for w in range(3) for i in range(3)], text)

    def test_a_failing_worker_fails_the_cell_with_cell_lines_and_keeps_the_others_output(self):
        self.run_ok("int ratio(int a) {\n    int zero = a - a;\n    return a / zero;\n}")
        content, msgs = self.run_error("%%spawn -n 3\nSystem.out.println(\"start \" + Worker.index());\n"
                                       "if (Worker.index() == 1) {\n    return ratio(4);\n}\n"
                                       "System.out.println(\"done \" + Worker.index());\nreturn 0;")
        cell = content["execution_count"]
        self.assertEqual(content["ename"], "java.lang.ArithmeticException")
        trace = "\n".join(content["traceback"])
        self.assertIn("w1 (spawn-", trace)
        self.assertRegex(trace, r"at ratio \(cell \[\d+\], line 3\)")
        self.assertIn("at cell [%d], line 4" % cell, trace)
        for internal in ("$JShell$", "dev.jmp.internal.worker"):
            self.assertNotIn(internal, trace)
        text = jmp_client.text_of(msgs, "stdout")
        for w in (0, 2):
            self.assertIn("[w%d] done %d" % (w, w), text)
        self.assertIn("[w1] start 1", text)
        self.assertNotIn("$JShell$", jmp_client.text_of(msgs, "stderr"))
        summary = self.displays(msgs)[-1]["data"]["text/plain"]
        self.assertRegex(summary, r"w1\s+spawn-\d+-1\s+\d+\s+1\s+.*failed: java.lang.ArithmeticException: / by zero")
        order = [m["msg_type"] for m in msgs if m["msg_type"] in ("display_data", "error")]
        self.assertEqual(order[-2:], ["display_data", "error"], "the summary comes before the error")

    def test_exit_code_and_timeout_fail_the_cell(self):
        content, _ = self.run_error("%%spawn\nSystem.err.println(\"about to exit\");\nSystem.exit(3);")
        self.assertEqual(content["ename"], "WorkerFailed")
        self.assertIn("ended with exit code 3", content["evalue"])
        self.assertIn("    about to exit", content["traceback"])
        # The body would sleep ten minutes, far beyond this client's wait: only --timeout ends it.
        content, _ = self.run_error("%%spawn --timeout 1\nThread.sleep(600_000);")
        self.assertEqual(content["ename"], "Timeout")
        self.assertIn("did not finish within --timeout 1.00 s", content["evalue"])

    def test_background_output_flows_into_its_cell_after_the_reply_and_wait_replays_it(self):
        content, msgs = self.run_ok("%%spawn --bg --name late -n 2\nfor (int i = 0; i < 3; i++) {\n"
                                    "    Thread.sleep(400);\n    System.out.println(\"late \" + i);\n}\nreturn 7;")
        bg = msgs[0]["parent_header"]["msg_id"]
        status = self.displays(msgs)[0]
        display_id = status["transient"]["display_id"]
        self.assertIn("running in the background", status["data"]["text/plain"])
        # Another cell runs while the run goes on; the run's output keeps going to its own cell,
        # also while the other cell runs (so read both cells' messages, dropping none).
        other = self.kc.execute("1 + 1")
        late, updated, result, other_idle = [], None, None, False
        deadline = time.time() + jmp_client.TIMEOUT
        while (updated is None or not other_idle) and time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            parent = msg["parent_header"].get("msg_id")
            if parent == other:
                if msg["msg_type"] == "execute_result":
                    result = msg["content"]["data"]["text/plain"]
                elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    other_idle = True
            elif parent == bg:
                if msg["msg_type"] == "stream":
                    late.append(msg["content"]["text"])
                elif msg["msg_type"] == "update_display_data":
                    updated = msg["content"]
        self.assertEqual(jmp_client.shell_reply(self.kc, other)["content"]["status"], "ok")
        self.assertEqual(result, "2", "the kernel is free while the run goes on")
        self.assertIsNotNone(updated, "no late summary for the bg cell")
        self.assertEqual(updated["transient"]["display_id"], display_id)
        self.assertRegex(updated["data"]["text/plain"], r"^late: 2 workers, 2 ok")
        lines = "".join(late).splitlines()
        self.assertEqual(sorted(lines), sorted("[w%d] late %d" % (w, i) for w in (0, 1) for i in range(3)))
        _, msgs = self.run_ok("%wait late")
        replay = jmp_client.text_of(msgs).splitlines()
        self.assertEqual(sorted(replay), sorted(lines))
        self.assertRegex(self.displays(msgs)[-1]["data"]["text/plain"], r"w1\s+late-1\s+\d+\s+0\s+.*7")
        _, msgs = self.run_ok("%wait")
        self.assertIn("No background run to wait for", jmp_client.text_of(msgs))

    def test_interrupting_another_cell_spares_bg_runs_and_terminate_stops_them(self):
        # The body marks that it runs before it sleeps: %workers below must find the worker busy,
        # and a worker that has not connected yet (a slow JVM start) is listed as starting.
        running = jmp_client.release_file()
        self.run_ok("%%%%spawn --bg --name sleeper --out sleepers\n"
                    "java.nio.file.Files.createFile(java.nio.file.Path.of(\"%s\"));\nThread.sleep(600_000);" % running)
        pid = int(self.value("sleepers.get(0).pid()"))
        jmp_client.await_path(running)
        msg_id = self.kc.execute('System.out.println("sleeping");\nThread.sleep(600_000);')
        while True:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "sleeping" in msg["content"]["text"]):
                break
        self.km.interrupt_kernel()
        self.assertEqual(jmp_client.shell_reply(self.kc, msg_id)["content"]["ename"], "Interrupted")
        jmp_client.collect(self.kc, msg_id)
        self.assertTrue(jmp_client.worker_alive(pid), "an interrupt of another cell killed the bg worker")
        _, msgs = self.run_ok("%workers")
        self.assertRegex(self.displays(msgs)[-1]["data"]["text/plain"], r"\bsleeper\s+%d\s+busy" % pid)
        _, msgs = self.run_ok("%terminate sleeper")
        self.assertIn("sleeper: terminated (w0 killed by SIGTERM)", jmp_client.text_of(msgs))
        self.assertEqual(jmp_client.wait_workers_gone([pid]), [])
        content, _ = self.run_error("%wait sleeper")
        self.assertEqual(content["ename"], "Terminated")

    def test_interrupt_terminates_the_running_spawn_and_the_kernel_stays_usable(self):
        msg_id = self.kc.execute("%%spawn -n 2 --name doomed --out doomedProcs\nSystem.out.println(\"up\");\n"
                                 "Thread.sleep(600_000);")
        seen = False
        while not seen:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            seen = (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "up" in msg["content"]["text"])
        self.km.interrupt_kernel()
        reply = jmp_client.shell_reply(self.kc, msg_id, jmp_client.TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        jmp_client.collect(self.kc, msg_id)
        pids = [int(self.value("doomedProcs.get(%d).pid()" % i)) for i in (0, 1)]
        self.assertEqual(jmp_client.wait_workers_gone(pids), [])
        self.assertEqual(self.value("doomedProcs.get(0).exitCode()"), "-15")

    def test_variables_that_cannot_be_sent_and_compile_errors_stop_before_any_process_starts(self):
        self.run_ok("Object lock = new Object();\nint n = 3;")
        before = self.launched()
        content, _ = self.run_error("%%spawn -n 2\nreturn lock.hashCode() + n;")
        self.assertEqual(content["ename"], "UnsendableVariable")
        self.assertEqual(content["evalue"], "variable `lock` (java.lang.Object) cannot be sent to a worker: "
                                            "java.lang.Object is not Serializable")
        content, _ = self.run_error("%%spawn\nint ok = 1;\nString s = ok;\nreturn s;")
        self.assertEqual(content["ename"], "CompilationError")
        self.assertTrue(content["evalue"].startswith("line 3, column 12"), content["evalue"])
        self.assertEqual(self.launched(), before, "no worker started")

    def test_display_in_a_worker_shows_in_the_cell(self):
        _, msgs = self.run_ok("%%spawn -n 2 --out shown\nSystem.out.println(\"before\");\n"
                              "var h = display(html(\"<b>worker \" + Worker.index() + \"</b>\"));\n"
                              "h.update(\"updated \" + Worker.index());\nreturn h;")
        shown = [m["content"] for m in msgs if m["msg_type"] == "display_data"]
        html = sorted(d["data"]["text/html"] for d in shown if "text/html" in d["data"] and "<b>" in d["data"]["text/html"])
        self.assertEqual(html, ["<b>worker 0</b>", "<b>worker 1</b>"])
        ids = {d["data"]["text/html"]: d["transient"]["display_id"] for d in shown if "<b>" in d["data"].get("text/html", "")}
        updates = {m["content"]["transient"]["display_id"]: m["content"]["data"]["text/plain"]
                   for m in msgs if m["msg_type"] == "update_display_data"}
        self.assertEqual(updates[ids["<b>worker 1</b>"]], "updated 1")
        order = [m["msg_type"] for m in msgs if m["msg_type"] in ("stream", "display_data")]
        self.assertEqual(order[0], "stream", "the line printed before the display comes first")
        # The handle a worker returned updates the same display from the kernel.
        content, msgs = self.run_ok("shown.get(0).result() instanceof dev.jmp.kernel.display.DisplayHandle d ? d.id() : \"none\"")
        handle_id = jmp_client.result_of(msgs)["text/plain"]
        self.assertEqual(handle_id, ids["<b>worker 0</b>"])
        _, msgs = self.run_ok("((dev.jmp.kernel.display.DisplayHandle) shown.get(0).result()).update(\"from the kernel\");")
        late = [m["content"] for m in msgs if m["msg_type"] == "update_display_data"]
        self.assertEqual([(u["transient"]["display_id"], u["data"]["text/plain"]) for u in late],
                         [(handle_id, "from the kernel")])

    def test_bad_options_print_usage(self):
        for code, expected in (("%%spawn --frob\nreturn 1;", "unknown option --frob"),
                               ("%%spawn -n zero\nreturn 1;", "option -n needs a whole number (got 'zero')"),
                               ("%%spawn --out 9lives\nreturn 1;", "--out '9lives' is not a valid Java variable name"),
                               ("%%spawn", "%%spawn needs a body"),
                               ("%wait nosuchrun", "no run named nosuchrun"),
                               ("%terminate", "%terminate needs one run name or all")):
            content, _ = self.run_error(code)
            self.assertIn(expected, content["evalue"], code)
        content, _ = self.run_error("%%spawn --timeout x\nreturn 1;")
        self.assertIn("Usage: %%spawn [-n N]", content["evalue"])
        text = jmp_client.text_of(self.run_ok("%%spawn --help")[1])
        self.assertIn("Usage: %%spawn", text)
        self.assertIn("--group", text)


    def test_timeline_draws_a_bar_per_process(self):
        self.run_error("%%spawn -n 2 --name timed\nThread.sleep(150);\n"
                       "if (Worker.index() == 1) throw new IllegalStateException(\"one\");\nreturn 0;")
        _, msgs = self.run_ok("%timeline")
        shown = self.displays(msgs)
        self.assertEqual(len(shown), 1, msgs)
        ns = {"s": "http://www.w3.org/2000/svg"}
        svg = ET.fromstring(shown[0]["data"]["image/svg+xml"])
        rows = svg.findall("s:g[@class='row']", ns)
        self.assertEqual(len(rows), 2)
        tips = [row.find("s:rect/s:title", ns).text for row in rows]
        self.assertRegex(tips[0], r"^w0 timed-0: \d+\.\d{3} s \(pid \d+, exit code 0\)$")
        self.assertRegex(tips[1], r"^w1 timed-1: \d+\.\d{3} s, failed \(pid \d+, exit code 1\)$")
        self.assertRegex(shown[0]["data"]["text/plain"], r"^timed \(%%spawn\): 2 processes on 2 workers, .*1 failed")
        self.assertEqual(self.displays(self.run_ok("%timeline timed")[1])[0]["data"]["text/plain"],
                         shown[0]["data"]["text/plain"], "a finished run's timeline stays the same")

    def test_traces_of_api_processes_and_pools_read_in_cell_lines(self):
        _, msgs = self.run_ok("class Oops extends RuntimeException { Oops(String m) { super(m); } }")
        self.run_ok("int explode(int x) {\n    if (x > 0) throw new Oops(\"boom \" + x);\n    return x;\n}")
        frame = r"at explode \(cell \[\d+\], line 2\)"
        # the worker's own report of the uncaught exception, streamed into the cell
        _, msgs = self.run_ok("var bad = new Process(() -> explode(3)).start();\nbad.join();\nbad.exitCode()")
        self.assertEqual(jmp_client.result_of(msgs)["text/plain"], "1")
        err = jmp_client.text_of(msgs, "stderr")
        self.assertIn("Oops: boom 3", err)
        self.assertRegex(err, frame)
        # the exception handed back: printed, and its stack trace printed in a cell
        _, msgs = self.run_ok("System.out.println(bad.exception());\nbad.exception().printStackTrace();")
        self.assertEqual(jmp_client.text_of(msgs, "stdout"), "Oops: boom 3\n")
        printed = jmp_client.text_of(msgs, "stderr")
        self.assertTrue(printed.startswith("Oops: boom 3\n"), printed)
        self.assertRegex(printed, frame)
        # a pool's failure rethrown in a plain cell, directly and through an AsyncResult
        for code in ("try (Pool pool = new Pool(1)) { pool.map((Integer x) -> explode(x), List.of(0, 4)); }",
                     "try (Pool pool = new Pool(1)) { pool.applyAsync(() -> explode(5)).get(); }"):
            content, msgs = self.run_error(code)
            trace = "\n".join(content["traceback"])
            self.assertIn("Oops: boom", trace)
            self.assertRegex(trace, frame)
            err += trace
        for text in (err, printed):
            for internal in ("$JShell", "do_it$", "REPL.", "dev.jmp.internal.worker."):
                self.assertNotIn(internal, text)

    def test_non_daemon_threads_outlive_the_body_and_a_stack_overflow_is_the_cells_error(self):
        # Python's trap: a child process waits for its non-daemon threads; so does a %%spawn worker
        # The thread sleeps only once "func1 end" is out, so the order holds by construction;
        # its sleep keeps it running after the body returned, which is what the worker must wait for.
        _, msgs = self.run_ok("%%spawn\nvar printed = new java.util.concurrent.CountDownLatch(1);\nnew Thread(() -> {\n"
                              "    try { printed.await(); Thread.sleep(1500); } catch (InterruptedException e) { }\n"
                              "    System.out.println(\"func2 end\");\n}).start();\nSystem.out.println(\"func1 end\");\n"
                              "printed.countDown();")
        text = jmp_client.text_of(msgs, "stdout")
        self.assertEqual([re.sub(r"^\[w0\] ", "", l) for l in text.splitlines() if "end" in l],
                         ["func1 end", "func2 end"], text)
        self.assertRegex(self.displays(msgs)[-1]["data"]["text/plain"], r"spawn-\d+: 1 worker, 1 ok")
        # a stack overflow fails the cell with the recursion once, in cell lines
        self.run_ok("int deeper(int n) {\n    return deeper(n + 1) + 1;\n}")
        content, msgs = self.run_error("%%spawn\nreturn deeper(0);")
        self.assertEqual(content["ename"], "java.lang.StackOverflowError")
        trace = "\n".join(content["traceback"])
        self.assertRegex(trace, r"at deeper \(cell \[\d+\], line 2\)")
        self.assertRegex(trace, r"\.\.\. \d+ more frames of the same recursion")
        err = jmp_client.text_of(msgs, "stderr")
        self.assertRegex(err, r"\.\.\. \d+ more frames of the same recursion")
        for text in (trace, err):
            self.assertLess(len(text.splitlines()), 60, text)
            self.assertNotIn("$JShell", text)


if __name__ == "__main__":
    unittest.main()
