"""End-to-end behaviour of the installed kernel: streaming, late display updates, errors
without internals, bad magic input keeping the kernel alive, kernel_info, shutdown."""
import os
import subprocess
import tempfile
import signal
import time
import unittest

import jmp_client


class KernelBehaviourTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = jmp_client.start()

    @classmethod
    def tearDownClass(cls):
        jmp_client.stop(cls.km, cls.kc)

    def run_ok(self, code):
        content, msgs = jmp_client.execute(self.kc, code)
        self.assertEqual(content["status"], "ok", (code, content, msgs))
        return msgs

    def run_error(self, code):
        content, msgs = jmp_client.execute(self.kc, code)
        self.assertEqual(content["status"], "error", (code, content))
        self.assertEqual(jmp_client.result_of(self.run_ok("40 + 2")), {"text/plain": "42"}, "kernel alive after " + code)
        return content, msgs

    def test_kernel_info(self):
        reply = jmp_client.shell_reply(self.kc, self.kc.kernel_info(), timeout=jmp_client.TIMEOUT)
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertGreaterEqual(tuple(int(x) for x in content["protocol_version"].split(".")), (5, 3))
        info = content["language_info"]
        for key in ("name", "version", "mimetype", "file_extension", "pygments_lexer", "codemirror_mode", "nbconvert_exporter"):
            self.assertTrue(info.get(key), key)
        self.assertEqual(info["name"], "java")

    def streamed_before_the_end(self, before, after):
        """Runs a cell that prints `before`, waits for a file the test creates only once that
        output has arrived, then prints `after`: the cell cannot end before its first output
        reached the client, whatever the timing. Returns the cell's messages."""
        gate = jmp_client.release_file()
        msg_id = self.kc.execute("%s\n%s\n%s" % (before, jmp_client.await_file(gate), after))
        seen = []
        while not any(m["msg_type"] == "stream" for m in seen):
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                self.assertFalse(msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle",
                                 "the cell ended before its output arrived: %s" % seen)
                seen.append(msg)
        jmp_client.release(gate)
        seen += [m for _, m in jmp_client.collect(self.kc, msg_id)]
        self.assertEqual(jmp_client.shell_reply(self.kc, msg_id)["content"]["status"], "ok")
        return seen

    def test_stdout_streams_while_the_cell_runs(self):
        msgs = self.streamed_before_the_end('System.out.println("first");', 'System.out.println("second");')
        self.assertEqual(jmp_client.text_of(msgs), "first\nsecond\n")

    def test_printed_fragments_of_a_line_arrive_together(self):
        msgs = self.run_ok('for (int i = 0; i < 20; i++) { System.out.print(i); System.out.print(i < 19 ? "," : "\\n"); }')
        streams = [m["content"]["text"] for m in msgs if m["msg_type"] == "stream"]
        self.assertEqual("".join(streams), ",".join(str(i) for i in range(20)) + "\n")
        # Forty prints; one message each is the failure. The kernel's 50 ms flush may still land
        # inside the loop when a loaded machine stalls it, so the bound leaves room for that.
        self.assertLess(len(streams), 20, "each print became its own message: %s" % streams)

    def test_partial_line_is_published_without_newline(self):
        msgs = self.streamed_before_the_end('System.out.print("no newline");', "")
        self.assertEqual(jmp_client.text_of(msgs), "no newline")

    def test_display_updated_after_the_cell_ended(self):
        # The thread updates the display only once the test has seen the cell end.
        gate = jmp_client.release_file()
        msgs = self.run_ok('var late = display("before");\n'
                           'new Thread(() -> { try { %s } catch (InterruptedException e) {} late.update("after"); }).start();'
                           % jmp_client.await_file(gate))
        shown = [m for m in msgs if m["msg_type"] == "display_data"]
        self.assertEqual(len(shown), 1)
        self.assertFalse([m for m in msgs if m["msg_type"] == "update_display_data"], msgs)
        display_id = shown[0]["content"]["transient"]["display_id"]
        parent = shown[0]["parent_header"]["msg_id"]
        jmp_client.release(gate)
        deadline = time.time() + jmp_client.TIMEOUT
        while time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            if msg["msg_type"] == "update_display_data":
                self.assertEqual(msg["content"]["transient"]["display_id"], display_id)
                self.assertEqual(msg["content"]["data"]["text/plain"], "after")
                self.assertEqual(msg["parent_header"]["msg_id"], parent)
                return
        self.fail("no late update_display_data")

    def test_compile_error_has_cell_line_and_column(self):
        content, msgs = self.run_error('int ok = 1;\nString s = 42;')
        self.assertEqual(content["ename"], "CompilationError")
        self.assertIn("line 2, column 12", content["evalue"])

    def test_runtime_error_shows_user_frames_only(self):
        self.run_ok("int divide(int a, int b) {\n    return a / b;\n}")
        content, msgs = self.run_error("divide(1, 0)")
        trace = "\n".join(content["traceback"])
        self.assertIn("java.lang.ArithmeticException: / by zero", trace)
        self.assertRegex(trace, r"at divide \(cell \[\d+\], line 2\)")
        for internal in ("jdk.jshell", "dev.jmp", "reflect", "$JShell$"):
            self.assertNotIn(internal, trace)

    def test_unknown_magic(self):
        content, _ = self.run_error("%frobnicate now")
        self.assertIn("%frobnicate", content["evalue"])
        self.assertIn("%lsmagic", content["evalue"])
        content, _ = self.run_error("%%frobnicate\nbody")
        self.assertIn("%%frobnicate", content["evalue"])

    def test_bad_maven_coordinates(self):
        content, _ = self.run_error("%maven not-a-coordinate")
        self.assertIn("malformed coordinate 'not-a-coordinate'", content["evalue"])
        content, _ = self.run_error("%maven dev.jmp.nonexistent:nothing-here:0.0.1")
        self.assertIn("cannot resolve dev.jmp.nonexistent:nothing-here:0.0.1", content["evalue"])

    def test_missing_jar(self):
        content, _ = self.run_error("%jars /nonexistent/dir/*.jar")
        self.assertIn("no jar file matches '/nonexistent/dir/*.jar'", content["evalue"])
        content, _ = self.run_error("%classpath /nonexistent/classes")
        self.assertIn("/nonexistent/classes", content["evalue"])

    def test_jars_glob_adds_a_compiled_jar(self):
        work = tempfile.mkdtemp()
        src = os.path.join(work, "src", "demo")
        os.makedirs(src)
        with open(os.path.join(src, "Greeter.java"), "w") as f:
            f.write("package demo; public class Greeter { public static String hi() { return \"hi from jar\"; } }")
        subprocess.run(["javac", "-d", os.path.join(work, "classes"), os.path.join(src, "Greeter.java")], check=True)
        os.makedirs(os.path.join(work, "lib"))
        subprocess.run(["jar", "cf", os.path.join(work, "lib", "greeter.jar"), "-C", os.path.join(work, "classes"), "."], check=True)
        msgs = self.run_ok("%jars " + work + "/lib/*.jar\ndemo.Greeter.hi()")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "hi from jar"})

    def test_maven_resolves_with_transitive_dependencies(self):
        msgs = self.run_ok("%maven org.apache.commons:commons-text:1.10.0\n"
                           "org.apache.commons.lang3.StringUtils.reverse(org.apache.commons.text.WordUtils.capitalize(\"abc\"))")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "cbA"})

    def test_sh_streams_and_fails_on_status(self):
        msgs = self.run_ok("%%sh\necho out-line\necho err-line >&2")
        self.assertIn("out-line", jmp_client.text_of(msgs, "stdout"))
        self.assertIn("err-line", jmp_client.text_of(msgs, "stderr"))
        self.assertIsNone(jmp_client.result_of(msgs), "a cell magic with nothing to show shows nothing")
        content, _ = self.run_error("%sh exit 4")
        self.assertIn("status 4", content["evalue"])

    def test_help_on_every_magic(self):
        listing = jmp_client.text_of(self.run_ok("%lsmagic"))
        names = [line.split()[0] for line in listing.splitlines()[1:]]
        self.assertGreaterEqual(len(names), 5, listing)
        for name in names:
            form = name.rstrip(",")  # %line or %%cell: cell-only magics answer --help on their first line too
            text = jmp_client.text_of(self.run_ok(form + " --help"))
            self.assertIn("Usage:", text, name)


def running(pid):
    """Whether pid is a live jmp kernel (not a zombie, not a reused pid)."""
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            if b"dev.jmp.kernel.KernelMain" not in f.read():
                return False
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


class ParentDeathTest(unittest.TestCase):

    def test_kernel_exits_when_the_process_that_started_it_is_killed(self):
        # A notebook server or nbconvert killed with kill -9 cannot shut its kernel down: the
        # kernel follows JPY_PARENT_PID (set by jupyter_client's launcher), as ipykernel does.
        code = ("import time\n"
                "from jupyter_client.manager import start_new_kernel\n"
                "km, kc = start_new_kernel(kernel_name='jmp', startup_timeout=300)\n"
                "print(km.provisioner.process.pid, flush=True)\n"
                "time.sleep(900)\n")
        starter = subprocess.Popen(["/usr/bin/python3", "-c", code], stdout=subprocess.PIPE, text=True)
        try:
            pid = int(starter.stdout.readline())
        finally:
            starter.kill()
            starter.wait()
        self.assertTrue(running(pid), "the kernel runs once its starter is gone")
        deadline = time.time() + 300
        while running(pid) and time.time() < deadline:
            time.sleep(0.1)
        alive = running(pid)
        if alive:
            os.kill(pid, signal.SIGKILL)
        self.assertFalse(alive, "the kernel outlived the process that started it")


class BadConnectionFileTest(unittest.TestCase):

    def test_unreadable_connection_file(self):
        launcher = os.path.join(os.environ["JUPYTER_DATA_DIR"], "kernels", "jmp", "jmp-kernel")
        env = dict(os.environ, JMP_JAVA="java")
        done = subprocess.run([launcher, "/nonexistent/kernel-123.json"], capture_output=True, text=True,
                              timeout=300, env=env)
        self.assertNotEqual(done.returncode, 0)
        lines = done.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, done.stderr)
        self.assertIn("cannot read the connection file /nonexistent/kernel-123.json", lines[0])


if __name__ == "__main__":
    unittest.main()
