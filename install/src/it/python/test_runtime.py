"""Notebook code runs in worker JVMs through the runtime API typed in cells: methods, records,
interfaces and lambdas of earlier cells, variables copied at dispatch, redefinitions, jars,
unsendable variables named before any process starts, remote errors in cell lines, and no
worker outliving the kernel."""
import os
import subprocess
import tempfile
import unittest

import jmp_client


class RuntimeFromCellsTest(jmp_client.KernelTestCase):

    def test_notebook_definitions_run_in_a_worker_and_a_record_comes_back_as_itself(self):
        self.run_ok("int sq(int v) { return v * v; }")
        self.run_ok("record Pt(int x, int y) implements java.io.Serializable {}")
        self.run_ok("interface Op extends java.io.Serializable { int apply(int a); }")
        self.run_ok("Op twice = a -> 2 * a;")
        self.run_ok("int x = 7;")
        self.run_ok("var p = new Process(() -> new Pt(sq(x), twice.apply(x))).start().join();")
        self.assertEqual(self.value("p.result()"), "Pt[x=49, y=14]")
        self.assertEqual(self.value("p.result() instanceof Pt pt && pt.getClass() == Pt.class && p.exitCode() == 0"),
                         "true")
        pid = int(self.value("p.pid()"))
        self.assertNotEqual(pid, int(self.value("ProcessHandle.current().pid()")))

    def test_notebook_classes_may_reuse_the_runtime_type_names(self):
        # The runtime's types are imported on demand, so a notebook's own class of the same name
        # shadows them instead of failing to compile; Queue and Process are jmp's, imported singly.
        self.run_ok("class SharedCounter { int n; void add() { n++; } }")
        self.assertEqual(self.value("var own = new SharedCounter(); own.add(); own.n"), "1")
        self.assertEqual(self.value("Pool.class.getName() + \" \" + Process.class.getName()"),
                         "dev.jmp.Pool dev.jmp.Process")
        self.run_ok("import java.util.Queue;")
        self.assertEqual(self.value("Queue.class.getName()"), "java.util.Queue")
        self.run_ok("import dev.jmp.Queue;")

    def test_a_bare_queue_is_the_process_queue_and_the_jdks_stays_reachable(self):
        # Issue 11 item 17: new Queue<>() in a cell is a process queue, as in a Python notebook;
        # a void body and a lock made without a manager work from a cell too (items 13, 14).
        self.run_ok("Queue<String> q = new Queue<>();")
        self.assertEqual(self.value("q.getClass().getName()"), "dev.jmp.Queue")
        self.run_ok("SharedLock lock = Shared.lock();")
        self.run_ok("void shout(Queue<String> out, String word) { out.put(word.toUpperCase()); }")
        self.run_ok("var p = new Process(() -> { lock.lock(); try { shout(q, \"hi\"); } finally { lock.unlock(); } })"
                    ".start().join();")
        self.assertEqual(self.value("p.exitCode() + \" \" + q.take() + \" \" + q.isEmpty() + \" \" + q.empty()"),
                         "0 HI true true")
        self.assertEqual(self.value("java.util.Queue<String> j = new ConcurrentLinkedQueue<>(); j.getClass().getName()"),
                         "java.util.concurrent.ConcurrentLinkedQueue")

    def test_redefined_method_is_seen_by_the_next_run(self):
        self.run_ok("int shape(int v) { return v + 1; }")
        self.assertEqual(self.value("new Process(() -> shape(3)).start().join().result()"), "4")
        self.run_ok("int shape(int v) { return v * v * v; }")
        self.assertEqual(self.value("new Process(() -> shape(3)).start().join().result()"), "27")

    def test_variables_are_copied_at_dispatch_and_changes_do_not_flow_back(self):
        self.run_ok("int counter = 5;")
        self.assertEqual(self.value("new Process(() -> { counter += 100; return counter; }).start().join().result()"),
                         "105")
        self.assertEqual(self.value("counter"), "5")
        self.run_ok("counter = 6;")
        self.assertEqual(self.value("new Process(() -> counter).start().join().result()"), "6")

    def test_jar_added_with_jars_is_usable_in_the_worker(self):
        work = tempfile.mkdtemp()
        src = os.path.join(work, "src", "shipdemo")
        os.makedirs(src)
        with open(os.path.join(src, "Shout.java"), "w") as f:
            f.write("package shipdemo; public class Shout { public static String up(String s) { return s.toUpperCase(); } }")
        subprocess.run(["javac", "-d", os.path.join(work, "classes"), os.path.join(src, "Shout.java")], check=True)
        os.makedirs(os.path.join(work, "lib"))
        subprocess.run(["jar", "cf", os.path.join(work, "lib", "shout.jar"), "-C", os.path.join(work, "classes"), "."],
                       check=True)
        self.run_ok("%jars " + work + "/lib/*.jar")
        self.assertEqual(self.value('new Process(() -> shipdemo.Shout.up("from the jar")).start().join().result()'),
                         'FROM THE JAR')

    def test_unsendable_variable_is_named_before_any_process_starts(self):
        self.run_ok("Thread th = new Thread(() -> { });")
        before = self.value(jmp_client.LAUNCHED + ".size()")
        content, _ = jmp_client.execute(self.kc, "new Process(() -> th.getName()).start();")
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["evalue"],
                         "variable `th` (java.lang.Thread) cannot be sent to a worker: java.lang.Thread is not Serializable")
        trace = "\n".join(content["traceback"])
        for machinery in ("at dev.jmp.spi", "at dev.jmp.internal", "at dev.jmp.magics"):
            self.assertNotIn(machinery, trace)
        self.assertEqual(self.value(jmp_client.LAUNCHED + ".size()"), before, "no worker was started")

    def test_worker_exception_shows_cell_lines(self):
        content, _ = self.run_ok("int divideBy(int a) {\n    int zero = 0;\n    return a / zero;\n}")
        cell = content["execution_count"]
        content, _ = jmp_client.execute(self.kc, "throw new Process(() -> divideBy(1)).start().join().exception();")
        self.assertEqual(content["status"], "error", content)
        trace = "\n".join(content["traceback"])
        self.assertIn("java.lang.ArithmeticException: / by zero", trace)
        self.assertIn("at divideBy (cell [%d], line 3)" % cell, trace)
        for internal in ("$JShell$", "dev.jmp.internal.worker"):
            self.assertNotIn(internal, trace)

    def test_running_worker_is_stopped_at_kernel_shutdown(self):
        pid = int(self.value("var sleeper = new Process(() -> Thread.sleep(600_000)).start(); sleeper.pid()"))
        self.assertTrue(jmp_client.worker_alive(pid))
        self.pids.add(pid)


if __name__ == "__main__":
    unittest.main()
