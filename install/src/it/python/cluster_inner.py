"""The kernel-side half of test_cluster.py, run inside the parent's network namespace: a cluster
on two ssh hosts, a %%pool of 200 items using a notebook record and method, %%spawn --on with a
%%shared counter incremented from both hosts, workers' lines labelled with their host, %timeline
rows naming the hosts, a %jars jar and a %maven artifact (from a file:// repository) staged to the
hosts by content hash and used there,
%workers --on, %cluster list, resize and stop, and the errors for an unknown cluster and a bad option."""
import glob
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import jmp_client

HOSTS = os.environ.get("JMP_CLUSTER_HOSTS", "")


def small_jar(folder):
    """A jar with one class, jmpt.Greet, compiled here (no network, no repository)."""
    src = os.path.join(folder, "jmpt")
    os.makedirs(src)
    with open(os.path.join(src, "Greet.java"), "w") as f:
        f.write("package jmpt; public class Greet { public static String hi(int x) { return \"hi\" + x; } }\n")
    home = os.environ.get("JAVA_HOME")
    javac = os.path.join(home, "bin", "javac") if home and os.path.exists(os.path.join(home, "bin", "javac")) else "javac"
    subprocess.run([javac, "--release", "17", "-d", folder, os.path.join(src, "Greet.java")], check=True)
    jar = os.path.join(folder, "greet.jar")
    with zipfile.ZipFile(jar, "w") as z:
        z.write(os.path.join(src, "Greet.class"), "jmpt/Greet.class")
    with open(jar, "rb") as f:
        return jar, hashlib.sha256(f.read()).hexdigest()


def maven_repo(folder):
    """A file:// Maven repository holding demo:greeter:1.0 (one class, demo.Greeter), built here."""
    src = os.path.join(folder, "Greeter.java")
    with open(src, "w") as f:
        f.write("package demo; public class Greeter { public static String hi() { return \"hi from a repository\"; } }")
    home = os.environ.get("JAVA_HOME")
    javac = os.path.join(home, "bin", "javac") if home and os.path.exists(os.path.join(home, "bin", "javac")) else "javac"
    subprocess.run([javac, "--release", "17", "-d", os.path.join(folder, "classes"), src], check=True)
    repo = os.path.join(folder, "repo")
    artifact = os.path.join(repo, "demo", "greeter", "1.0")
    os.makedirs(artifact)
    with zipfile.ZipFile(os.path.join(artifact, "greeter-1.0.jar"), "w") as z:
        z.write(os.path.join(folder, "classes", "demo", "Greeter.class"), "demo/Greeter.class")
    with open(os.path.join(artifact, "greeter-1.0.pom"), "w") as f:
        f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                "<groupId>demo</groupId><artifactId>greeter</artifactId><version>1.0</version></project>")
    return repo


class ClusterInner(jmp_client.KernelTestCase):

    @classmethod
    def setUpClass(cls):
        # The kernel resolves %maven into a local repository of this test's (never the user's ~/.m2).
        cls.maven = tempfile.mkdtemp(prefix="jmp-maven-")
        cls.repo = maven_repo(cls.maven)
        old = os.environ.get("JMP_JAVA_OPTS")
        os.environ["JMP_JAVA_OPTS"] = ((old + " ") if old else "") + "-Dmaven.repo.local=" + os.path.join(cls.maven, "local")
        try:
            super().setUpClass()
        finally:
            if old is None:
                os.environ.pop("JMP_JAVA_OPTS")
            else:
                os.environ["JMP_JAVA_OPTS"] = old

    @classmethod
    def tearDownClass(cls):
        try:
            super().tearDownClass()
        finally:
            shutil.rmtree(cls.maven, True)

    def test_a_cluster_runs_notebook_code_on_both_hosts(self):
        start = ("%%cluster start lab --launcher ssh --hosts 10.77.1.2,10.77.2.2:2 --identity %s/id"
                 " --known-hosts %s/known_hosts --cache %s/cache" % (HOSTS, HOSTS, HOSTS))
        _, msgs = self.run_ok(start)
        text = "".join(m["content"].get("text", "") for m in msgs if m["msg_type"] == "stream")
        self.assertIn("Cluster lab started: ssh", text)
        self.assertIn("(3 workers)", text)
        self.run_ok("record Pt(int x, String host) implements java.io.Serializable {}")
        self.run_ok("int sq(int v) { return v * v; }")
        content, msgs = self.execute("%%pool --on lab --over java.util.stream.IntStream.range(0, 200).boxed().toList()"
                                     " --as i --out pts --chunksize 1\n"
                                     "Thread.sleep(5);\n"
                                     "if (i % 50 == 0) System.out.println(\"at \" + System.getenv(\"SSH_CONNECTION\").split(\" \")[2]);\n"
                                     "return new Pt(sq(i), System.getenv(\"SSH_CONNECTION\").split(\" \")[2]);",
                                     timeout=600)
        self.assertEqual(content["status"], "ok", (content, msgs))
        self.assertEqual(self.value("pts.size()"), "200")
        self.assertEqual(self.value("long s = 0; for (Pt p : pts) s += p.x(); s"), str(sum(i * i for i in range(200))))
        self.assertEqual(self.value("pts.get(7) instanceof Pt"), "true")
        # Which workers took items depends on when each connected; every item ran on a cluster host.
        hosts = self.value("new java.util.TreeSet<>(pts.stream().map(Pt::host).toList())")
        self.assertIn(hosts, ("[10.77.1.2]", "[10.77.2.2]", "[10.77.1.2, 10.77.2.2]"))
        # A remote worker's lines say which host printed them: [item@host].
        out = "".join(m["content"].get("text", "") for m in msgs if m["msg_type"] == "stream")
        labelled = re.findall(r"\[(\d+)@(10\.77\.[12]\.2)\] at (10\.77\.[12]\.2)", out)
        self.assertEqual(sorted(int(i) for i, _, _ in labelled), [0, 50, 100, 150], out)
        self.assertTrue(all(label == host for _, label, host in labelled), labelled)
        # %timeline: one row per worker that ran items, each naming its host.
        _, msgs = self.run_ok("%timeline")
        chart = self.displays(msgs)[0]["data"]["text/plain"]
        rows = [r for r in chart.splitlines() if r.startswith("  ")]
        self.assertTrue(1 <= len(rows) <= 3, chart)
        self.assertTrue(all(re.match(r"  w[123]@10\.77\.[12]\.2 \(pid \d+\): \d+ items?", r) for r in rows), chart)
        self.assertEqual(sorted({r.split("@")[1].split(" ")[0] for r in rows}), re.findall(r"10\.77\.[12]\.2", hosts),
                         chart)
        # A %jars jar reaches the hosts by content hash and is loaded there from that cached copy.
        folder = tempfile.mkdtemp(prefix="jmp-jar-")
        self.addCleanup(shutil.rmtree, folder, True)
        jar, sha = small_jar(folder)
        self.run_ok("%%jars %s" % jar)
        content, msgs = self.execute("%%pool --on lab --over List.of(1, 2, 3) --as x --out gs\n"
                                     "return jmpt.Greet.hi(x) + \" \" + jmpt.Greet.class.getProtectionDomain()"
                                     ".getCodeSource().getLocation().getPath();", timeout=600)
        self.assertEqual(content["status"], "ok", (content, msgs))
        self.assertEqual(self.value("gs.stream().map(g -> g.split(\" \")[0]).toList()"), "[hi1, hi2, hi3]")
        self.assertEqual(self.value("gs.stream().allMatch(g -> g.endsWith(\"/%s.jar\"))" % sha), "true",
                         self.value("gs"))
        self.assertEqual(glob.glob(os.path.join(HOSTS, "cache", sha + "*")), [os.path.join(HOSTS, "cache", sha + ".jar")])
        # A %maven artifact from a file:// repository (no network) reaches the hosts too, by content
        # hash into their cache, and a pool on them uses it.
        self.run_ok("%mavenRepo local file://" + self.repo)
        self.run_ok("%maven demo:greeter:1.0")
        content, msgs = self.execute("%%pool --on lab --over List.of(1, 2, 3) --as x --out ms\n"
                                     "return demo.Greeter.hi() + \" \" + x + \" \" + demo.Greeter.class.getProtectionDomain()"
                                     ".getCodeSource().getLocation().getPath();", timeout=600)
        self.assertEqual(content["status"], "ok", (content, msgs))
        self.assertEqual(self.value("ms.stream().map(g -> g.substring(0, g.lastIndexOf(' '))).toList()"),
                         "[hi from a repository 1, hi from a repository 2, hi from a repository 3]")
        with open(os.path.join(self.repo, "demo", "greeter", "1.0", "greeter-1.0.jar"), "rb") as f:
            msha = hashlib.sha256(f.read()).hexdigest()
        self.assertEqual(self.value("ms.stream().allMatch(g -> g.endsWith(\"/%s.jar\"))" % msha), "true",
                         self.value("ms"))
        self.assertTrue(os.path.exists(os.path.join(HOSTS, "cache", msha + ".jar")))
        # Three processes go to the hosts by their counts (1 and 2), and count on one shared counter.
        self.run_ok("%%shared\nSharedCounter hits = counter(0);")
        content, msgs = self.execute("%%spawn --on lab -n 3 --out procs\n"
                                     "for (int k = 0; k < 100; k++) hits.incrementAndGet();\n"
                                     "System.out.println(\"on \" + System.getenv(\"SSH_CONNECTION\").split(\" \")[2]);\n"
                                     "return sq(Worker.index() + 3);", timeout=600)
        self.assertEqual(content["status"], "ok", (content, msgs))
        out = "".join(m["content"].get("text", "") for m in msgs if m["msg_type"] == "stream")
        self.assertIn("on 10.77.1.2", out)
        self.assertIn("on 10.77.2.2", out)
        self.assertEqual(self.value("procs.get(2).result()"), "25")
        self.assertEqual(self.value("hits.get()"), "300")
        self.assertEqual(len(re.findall(r"\[w[012]@(10\.77\.[12]\.2)\] on \1", out)), 3, out)
        _, msgs = self.run_ok("%timeline")
        chart = self.displays(msgs)[0]["data"]["text/plain"]
        self.assertEqual(len(re.findall(r"(?m)^  w[012]@10\.77\.[12]\.2 \(pid \d+\)", chart)), 3, chart)
        _, msgs = self.run_ok("%workers --on lab")
        self.assertTrue(self.displays(msgs), msgs)
        _, msgs = self.run_ok("%cluster list")
        listing = self.displays(msgs)[0]["data"]["text/plain"]
        self.assertIn("lab", listing)
        self.assertIn("ssh", listing)
        content, _ = self.run_error("%%pool --on nope --over List.of(1) --as x\nreturn x;")
        self.assertIn("no cluster named 'nope'; running: lab", content["evalue"])
        content, _ = self.run_error("%cluster start big --launcher ssh --hosts a --partition compute")
        self.assertIn("the ssh launcher has no option 'partition'", content["evalue"])
        # resized to host 2 alone, one worker: a later pool --on lab runs there, on one worker
        _, msgs = self.run_ok("%cluster resize lab --hosts 10.77.2.2:1")
        self.assertIn("(3 -> 1 workers)", "".join(m["content"].get("text", "") for m in msgs if m["msg_type"] == "stream"))
        self.run_ok("%%pool --on lab --over List.of(1, 2, 3, 4) --as i --out where\n"
                    "return System.getenv(\"SSH_CONNECTION\").split(\" \")[2] + \" \" + ProcessHandle.current().pid();")
        self.assertEqual(self.value("where.stream().map(w -> w.split(\" \")[0]).distinct().toList()"), "[10.77.2.2]")
        self.assertEqual(self.value("where.stream().distinct().count()"), "1", "one worker")
        self.run_ok("%cluster stop lab")
        content, _ = self.run_error("%%spawn --on lab\nreturn 1;")
        self.assertIn("no cluster named 'lab'", content["evalue"])
