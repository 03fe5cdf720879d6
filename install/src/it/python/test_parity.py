"""IJava/JJava parity of the jmp kernel (issue 15): is_complete of a cell magic header, the
text/plain fallback of display(s, mime), java.time in the default imports, %time/%%time, %load, %mavenRepo,
%loadFromPOM/%%loadFromPOM, magics called from Java (lineMagic/cellMagic, a line magic as an expression), render(...),
and the JMP_*/IJAVA_* environment settings (good values applied, bad ones explained, the kernel alive)."""
import json
import os
import re
import subprocess
import tempfile
import unittest

from jupyter_client.manager import start_new_kernel

import jmp_client

TIME_REPORT = re.compile(r"CPU times: total: [\d.]+ (ns|µs|ms|s)\nWall time: [\d.]+ (ns|µs|ms|s)\n")


class ParityTest(jmp_client.KernelTestCase):

    def is_complete(self, code):
        reply = jmp_client.shell_reply(self.kc, self.kc.is_complete(code))
        return reply["content"]["status"]

    def test_cell_magic_header_without_body_is_incomplete(self):
        for header in ("%%pool --over List.of(1, 2)", "%%spawn", "%%shared", "%%spawn\n"):
            self.assertEqual(self.is_complete(header), "incomplete", header)
        self.assertEqual(self.is_complete("%%pool --over List.of(1, 2)\nitem * 2"), "complete")
        self.assertEqual(self.is_complete("%%pool --over List.of(1, 2)\nitem * 2\n"), "complete")
        self.assertEqual(self.is_complete("%%pool --help"), "complete")
        self.assertEqual(self.is_complete("int x = 1;"), "complete")
        self.assertEqual(self.is_complete("void f() {"), "incomplete")

    def test_display_with_a_mime_type_has_a_plain_text_fallback(self):
        _, msgs = self.run_ok('display("<b>bold</b>", "text/html");\ndisplay("# title", "text/markdown");')
        shown = self.displays(msgs)
        self.assertEqual(len(shown), 2, msgs)
        self.assertEqual(shown[0]["data"], {"text/html": "<b>bold</b>", "text/plain": "<b>bold</b>"})
        self.assertEqual(shown[1]["data"], {"text/markdown": "# title", "text/plain": "# title"})
        _, msgs = self.run_ok('display(new byte[] {1, 2, 3}, "image/png");')
        self.assertEqual(self.displays(msgs)[0]["data"]["text/plain"], "[image/png, 3 bytes]")

    def test_java_time_is_imported(self):
        self.assertEqual(self.value("LocalDate.of(2024, 1, 31).plusDays(1)"), "2024-02-01")
        self.assertEqual(self.value("Duration.ofSeconds(90)"), "PT1M30S")
        # No clash with jmp's own imports (dev.jmp.*, its Process and Queue).
        self.assertEqual(self.value("Queue.class.getName() + \" \" + Process.class.getName()"), "dev.jmp.Queue dev.jmp.Process")

    def test_time_line_magic(self):
        _, msgs = self.run_ok("%time 6 * 7")
        self.assertRegex(jmp_client.text_of(msgs, "stdout"), TIME_REPORT)
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "42"})

    def test_time_cell_magic_keeps_the_last_value(self):
        _, msgs = self.run_ok("%%time\nint half = 21;\nhalf * 2")
        self.assertRegex(jmp_client.text_of(msgs, "stdout"), TIME_REPORT)
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "42"})

    def test_time_of_a_cell_magic(self):
        _, msgs = self.run_ok("%%time\n%%sh\necho timed-shell")
        out = jmp_client.text_of(msgs, "stdout")
        self.assertIn("timed-shell\n", out)
        self.assertRegex(out, TIME_REPORT)

    def test_time_bad_use(self):
        content, _ = self.run_error("%%time now\n1 + 1")
        self.assertIn("%%time takes nothing after its name", content["evalue"])
        content, _ = self.run_error("%time")
        self.assertIn("%time needs code", content["evalue"])
        content, _ = self.run_error("%time int x = ;")
        self.assertEqual(content["ename"], "CompilationError")

    def test_magics_called_from_java(self):
        _, msgs = self.run_ok('lineMagic("sh", "echo line-from-java");\ncellMagic("%%sh", "", "echo cell-from-java");')
        self.assertEqual(jmp_client.text_of(msgs, "stdout"), "line-from-java\ncell-from-java\n")
        # IJava's form: the arguments as a list, quoted for the magic where they hold spaces.
        _, msgs = self.run_ok('lineMagic("sh", List.of("echo", "a  b"))')
        self.assertEqual(jmp_client.text_of(msgs, "stdout"), "a  b\n")
        content, _ = self.run_error('lineMagic("mavenRepo", List.of("an id", "file:///tmp/r"))')
        self.assertIn("'an id' is not a repository id", content["evalue"])
        content, _ = self.run_error('lineMagic("nope", "")')
        self.assertEqual(content["ename"], "dev.jmp.kernel.notebook.MagicCallException")
        self.assertIn("Unknown line magic %nope", content["evalue"])
        # A magic that runs code through JShell cannot run inside the code JShell is running.
        content, _ = self.run_error('int t = lineMagic("time", "1 + 1");')
        self.assertIn("%time cannot be called from Java code", content["evalue"])
        content, _ = self.run_error('cellMagic("spawn", "-n 1", "return 1;")')
        self.assertIn("%%spawn cannot be called from Java code", content["evalue"])

    def test_line_magic_as_an_expression(self):
        self.assertEqual(self.is_complete("var listed = %sh echo x;"), "complete")
        _, msgs = self.run_ok('String label = "50% done"; // = %sh not a magic\nObject out = %sh echo as-expression;\nlabel')
        self.assertEqual(jmp_client.text_of(msgs, "stdout"), "as-expression\n")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "50% done"})
        self.run_ok("Object viaReturn() {\n    return %sh echo from-a-method;\n}")
        _, msgs = self.run_ok("viaReturn();")
        self.assertEqual(jmp_client.text_of(msgs, "stdout"), "from-a-method\n")
        self.assertEqual(self.value("17 %\n 5"), "2")

    def test_render(self):
        _, msgs = self.run_ok('render("<b>r</b>", "text/html")')
        self.assertEqual(jmp_client.result_of(msgs)["text/html"], "<b>r</b>")
        self.assertEqual(self.value('render(java.util.List.of(1, 2))'), "[1, 2]")

    def test_load_runs_a_script_and_a_notebook(self):
        work = tempfile.mkdtemp(prefix="jmp-load-")
        script = os.path.join(work, "setup.jsh")
        with open(script, "w") as f:
            f.write("int loadedA = 20;\nint loadedB = loadedA + 1;\n")
        _, msgs = self.run_ok("%load " + script + "\nloadedB * 2")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "42"})
        notebook = os.path.join(work, "helpers.ipynb")
        with open(notebook, "w") as f:
            json.dump({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                 "source": ["String greet(String n) {\n", "    return \"hi \" + n;\n", "}"]},
                {"cell_type": "markdown", "metadata": {}, "source": "not code"},
                {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                 "source": "%%sh\necho from-the-notebook"},
                {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                 "source": "greet(\"load\")"}]}, f)
        _, msgs = self.run_ok("%load " + notebook)
        self.assertIn("from-the-notebook", jmp_client.text_of(msgs, "stdout"))
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "hi load"})
        self.assertEqual(self.value('greet("again")'), "hi again")

    def test_load_bad_use(self):
        content, _ = self.run_error("%load /nonexistent/setup.jsh")
        self.assertIn("%load: no file /nonexistent/setup.jsh", content["evalue"])
        broken = os.path.join(tempfile.mkdtemp(prefix="jmp-load-"), "broken.ipynb")
        with open(broken, "w") as f:
            f.write("{ not json")
        content, _ = self.run_error("%load " + broken)
        self.assertIn("is not a Jupyter notebook", content["evalue"])


class SettingsKernel(jmp_client.KernelTestCase):
    """A kernel started with the given environment entries."""

    ENV = {}

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="jmp", startup_timeout=jmp_client.TIMEOUT,
                                          env=dict(os.environ, **cls.settings()))
        cls.pids = set()

    @classmethod
    def settings(cls):
        return cls.ENV


class GoodSettingsTest(SettingsKernel):

    @classmethod
    def settings(cls):
        work = tempfile.mkdtemp(prefix="jmp-settings-")
        src = os.path.join(work, "Greeter.java")
        with open(src, "w") as f:
            f.write("package demo; public class Greeter { public static String hi() { return \"hi from the class path\"; } }")
        subprocess.run(["javac", "-d", os.path.join(work, "classes"), src], check=True)
        scripts = os.path.join(work, "startup")
        os.makedirs(scripts)
        with open(os.path.join(scripts, "a.jsh"), "w") as f:
            f.write("int fromScript = 40;\n")
        with open(os.path.join(scripts, "b.jsh"), "w") as f:
            f.write("int later = fromScript + 1;\n")  # runs after a.jsh
        return {"JMP_CLASSPATH": os.path.join(work, "classes"),
                "IJAVA_STARTUP_SCRIPTS_PATH": scripts,
                "IJAVA_STARTUP_SCRIPT": "String inline = \"inline \" + (later + 1);",
                "IJAVA_COMPILER_OPTS": "-parameters"}

    def test_settings_apply(self):
        _, msgs = self.run_ok("demo.Greeter.hi()")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "hi from the class path"})
        self.assertEqual(jmp_client.text_of(msgs, "stderr"), "", "no problem reported")
        self.assertEqual(self.value("inline"), "inline 42")
        self.run_ok("class Named { void take(int count) {} }")
        self.assertEqual(self.value("Named.class.getDeclaredMethods()[0].getParameters()[0].getName()"), "count")


class TimeoutSettingTest(SettingsKernel):
    """JMP_TIMEOUT, in a kernel of its own: the limit applies to every cell, and here only the
    stopped cell and run_error's `40 + 2` run, so it can be short (a wide limit on the kernel of
    the other settings made this test wait a minute); 20 s still leaves `40 + 2` a wide margin."""

    ENV = {"JMP_TIMEOUT": "20000"}

    def test_timeout_stops_a_long_cell(self):
        content, _ = self.run_error("Thread.sleep(600_000);")
        self.assertEqual(content["ename"], "Timeout")
        self.assertIn("time limit of 20000 ms", content["evalue"])


class MavenRepoTest(SettingsKernel):
    """%mavenRepo and %loadFromPOM with a file:// repository; the kernel caches into a local repository of its own
    (never the user's ~/.m2)."""

    @classmethod
    def settings(cls):
        work = tempfile.mkdtemp(prefix="jmp-mavenrepo-")
        src = os.path.join(work, "Greeter.java")
        with open(src, "w") as f:
            f.write("package demo; public class Greeter { public static String hi() { return \"hi from a repository\"; } }")
        subprocess.run(["javac", "-d", os.path.join(work, "classes"), src], check=True)
        cls.repo = os.path.join(work, "repo")
        folder = os.path.join(cls.repo, "demo", "greeter", "1.0")
        os.makedirs(folder)
        cls.jar = os.path.join(folder, "greeter-1.0.jar")
        cls.work = work
        subprocess.run(["jar", "cf", cls.jar, "-C", os.path.join(work, "classes"), "."], check=True)
        with open(os.path.join(folder, "greeter-1.0.pom"), "w") as f:
            f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                    "<groupId>demo</groupId><artifactId>greeter</artifactId><version>1.0</version></project>")
        return {"JMP_JAVA_OPTS": "-Dmaven.repo.local=" + os.path.join(work, "local")}

    def test_maven_repo_adds_a_repository(self):
        self.run_ok("%mavenRepo local file://" + self.repo)
        _, msgs = self.run_ok("%maven demo:greeter:1.0\ndemo.Greeter.hi()")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "hi from a repository"})
        listing = jmp_client.text_of(self.run_ok("%addMavenRepo")[1], "stdout")
        self.assertIn("local file://" + self.repo, listing)

    def test_line_magic_as_an_expression_returns_the_added_jars(self):
        _, msgs = self.run_ok("List<String> added = %jars " + self.jar + ";\nadded.size() + \" \" + added.get(0).endsWith(\"greeter-1.0.jar\")")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "1 true"})
        # On a line of its own the same magic shows no value, as before.
        _, msgs = self.run_ok("%jars " + self.jar)
        self.assertIsNone(jmp_client.result_of(msgs))

    def test_load_from_pom_file_and_cell(self):
        pom = os.path.join(self.work, "pom.xml")
        with open(pom, "w") as f:
            f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                    "<groupId>nb</groupId><artifactId>nb</artifactId><version>1</version>"
                    "<properties><greeter.version>1.0</greeter.version></properties>"
                    "<repositories><repository><id>pomrepo</id><url>file://" + self.repo + "</url></repository></repositories>"
                    "<dependencies><dependency><groupId>demo</groupId><artifactId>greeter</artifactId>"
                    "<version>${greeter.version}</version></dependency>"
                    "<dependency><groupId>demo</groupId><artifactId>absent</artifactId><version>9</version>"
                    "<scope>test</scope></dependency></dependencies></project>")
        _, msgs = self.run_ok("%loadFromPOM " + pom + "\ndemo.Greeter.hi()")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "hi from a repository"})
        out = jmp_client.text_of(msgs, "stdout")
        self.assertIn("Skipped (scope not in compile, runtime): demo:absent:9 (test)", out)
        self.assertIn("Added 1 jar for demo:greeter:1.0", out)
        self.assertIn("pomrepo file://" + self.repo, jmp_client.text_of(self.run_ok("%mavenRepo")[1], "stdout"))
        _, msgs = self.run_ok("%%loadFromPOM\n<repository><id>cellrepo</id><url>file://" + self.repo + "</url></repository>\n"
                              "<dependency>\n  <groupId>demo</groupId><artifactId>greeter</artifactId><version>1.0</version>\n</dependency>")
        self.assertIn("Added 1 jar for demo:greeter:1.0", jmp_client.text_of(msgs, "stdout"))
        content, _ = self.run_error("%%loadFromPOM\n<dependency><groupId>demo</groupId><artifactId>greeter</artifactId></dependency>")
        self.assertIn("demo:greeter in the cell has no <version>", content["evalue"])
        content, _ = self.run_error("%loadFromPOM " + os.path.join(self.work, "missing.xml"))
        self.assertIn("no file", content["evalue"])

    def test_maven_repo_bad_use(self):
        content, _ = self.run_error("%mavenRepo only-an-id")
        self.assertIn("takes an ID and a URL", content["evalue"])
        content, _ = self.run_error("%addMavenRepo ftp ftp://example.org/repo")
        self.assertIn("'ftp://example.org/repo' is not a repository URL", content["evalue"])


class BadSettingsTest(SettingsKernel):

    ENV = {"JMP_TIMEOUT": "soon",
           "IJAVA_CLASSPATH": "/nonexistent/jmp-classes",
           "JMP_STARTUP_SCRIPTS_PATH": "/nonexistent/startup.jsh",
           "JMP_STARTUP_SCRIPT": "int broken = ;",
           "JMP_COMPILER_OPTS": "--no-such-javac-option"}

    def test_problems_shown_in_the_first_cell_and_the_kernel_works(self):
        _, msgs = self.run_ok("40 + 2")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "42"})
        err = jmp_client.text_of(msgs, "stderr")
        self.assertIn("JMP_TIMEOUT=soon is not a timeout", err)
        self.assertIn("IJAVA_CLASSPATH: no jar or folder matches '/nonexistent/jmp-classes'", err)
        self.assertIn("JMP_STARTUP_SCRIPTS_PATH: /nonexistent/startup.jsh is neither a file nor a folder", err)
        self.assertIn("JMP_STARTUP_SCRIPT failed: CompilationError", err)
        self.assertIn("JMP_COMPILER_OPTS=--no-such-javac-option", err)
        for internal in ("Exception", "\tat ", "$JShell$"):
            self.assertNotIn(internal, err)
        _, msgs = self.run_ok("1 + 1")
        self.assertEqual(jmp_client.text_of(msgs, "stderr"), "", "problems are shown once")


if __name__ == "__main__":
    unittest.main()
