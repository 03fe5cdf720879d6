"""Issue 11 items 12 and 18 through the installed kernel: any lambda written in a cell goes to a
worker whatever its interface (Callable, Runnable, Function, Comparator), and the errors a
notebook sees name its classes, variables, lambdas and --over as the notebook does, never by
JShell's generated names."""
import unittest

import jmp_client


class NotebookLambdasTest(jmp_client.KernelTestCase):

    def assertNotebookNames(self, content):
        text = content["evalue"] + "\n" + "\n".join(content["traceback"])
        self.assertNotIn("$JShell$", text)
        self.assertNotIn("REPL.", text)
        self.assertNotIn("$jmp", text)

    def test_any_cell_lambda_goes_to_a_worker(self):
        self.run_ok("Pool pool = new Pool(2);")
        self.assertEqual(self.value("pool.asExecutorService().submit(() -> 6 * 7).get()"), "42")
        _, msgs = self.run_ok('pool.asExecutorService().submit(() -> System.out.println("runnable ran")).get();')
        self.assertIn("runnable ran", jmp_client.text_of(msgs))
        # Cell variables holding lambdas travel with the task (copied at dispatch).
        self.run_ok("Function<Integer, Integer> square = v -> v * v;")
        self.assertEqual(self.value("pool.asExecutorService().submit(() -> square.apply(7)).get()"), "49")
        self.run_ok("Comparator<String> byLength = (a, b) -> a.length() - b.length();")
        self.assertEqual(self.value(
            'new Process(() -> { var l = new ArrayList<>(List.of("ccc", "a", "bb")); l.sort(byLength); return l; })'
            '.start().join().result()'), "[a, bb, ccc]")
        # A lambda comes back too, and still runs here.
        self.assertEqual(self.value("pool.asExecutorService().submit(() -> (Supplier<String>) () -> \"back\").get().get()"),
                         "back")
        self.run_ok("pool.close();")

    def test_errors_name_notebook_classes_variables_and_lambdas(self):
        self.run_ok("class PageX { }")
        # A failing Process prints its error (as Python's does) and has no result.
        _, msgs = self.run_ok("new Process(() -> new PageX()).start().join().result()")
        printed = jmp_client.text_of(msgs, "stderr")
        self.assertIn("result: PageX is not Serializable", printed)
        self.assertNotIn("$JShell$", printed)
        self.run_ok("Pool pool = new Pool(1);")
        content, _ = self.run_error("pool.asExecutorService().submit(() -> new PageX()).get()")
        self.assertIn("PageX is not Serializable", content["evalue"])
        self.assertNotebookNames(content)
        self.run_ok("String daemonLog = null;")
        shown = self.value("String.valueOf(new Process(() -> daemonLog.length()).start().join().exception())")
        self.assertIn('"daemonLog" is null', shown)
        self.assertNotIn("$JShell$", shown)
        content, _ = self.run_error("pool.asExecutorService().submit(() -> daemonLog.length()).get()")
        self.assertNotebookNames(content)
        self.run_ok("Object task = 1;\nRunnable job = () -> { };\ntask = job;")
        content, _ = self.run_error("String s = (String) task;")
        self.assertIn("the lambda at cell", content["evalue"])
        self.assertNotebookNames(content)
        content, _ = self.run_error("%%pool --over null --as i -n 1\nreturn i;")
        self.assertIn("--over null", content["evalue"])
        self.assertNotebookNames(content)
        self.run_ok("pool.close();")


if __name__ == "__main__":
    unittest.main()
