"""%cluster with the slurm launcher through the installed kernel, against a single-node Slurm this
test starts (slurm_fixture): %cluster start -n 3 (one allocation, each worker a step of it), a %%pool
of 200 items using a notebook record and method with its lines labelled by node, %timeline rows
naming the node, %%spawn --on with a %%shared counter, %workers --on, %cluster list, a job that
waits in the queue (its reason shown; an interrupt cancels it; else cancelled at the queue timeout), a node without this machine's java
(the error names the limit: no staging), %cluster stop; then a kernel killed
with kill -9 leaves no Slurm job. The Slurm runs on 127.0.0.1 and the group binds there, so the
workers' connections take the CURVE listener, as from another node."""
import json
import os
import re
import shutil
import signal
import tempfile
import time
import unittest

import jmp_client
import slurm_fixture


def stream_text(msgs):
    return "".join(m["content"].get("text", "") for m in msgs if m["msg_type"] == "stream")


class SlurmClusterTest(unittest.TestCase):

    def setUp(self):
        why = slurm_fixture.missing()
        if why:
            self.skipTest(why)
        self.work = tempfile.mkdtemp(prefix="jmp-slurm-")
        self.addCleanup(shutil.rmtree, self.work, True)
        self.slurm = slurm_fixture.Slurm(os.path.join(self.work, "slurm"))
        self.addCleanup(self.slurm.stop)

    def start(self, name):
        """%cluster start for a group on the test Slurm."""
        stage = os.path.join(self.work, "stage")  # where sbcast puts the jars on the "node": this test's folder
        os.makedirs(stage, exist_ok=True)
        return ("%%cluster start %s --launcher slurm --conf %s --poll 200ms --bind 127.0.0.1 --stage %s"
                % (name, self.slurm.conf, stage))

    def bin_without_java(self):
        """A folder of Slurm tools whose srun asks the real one for a java that does not exist."""
        real = os.path.dirname(shutil.which("srun"))
        folder = os.path.join(self.work, "bin")
        os.mkdir(folder)
        for tool in ("sbatch", "squeue", "scancel", "sacct", "scontrol", "sinfo", "sbcast"):
            if os.path.exists(os.path.join(real, tool)):
                os.symlink(os.path.join(real, tool), os.path.join(folder, tool))
        with open(os.path.join(folder, "srun"), "w") as f:
            f.write('#!/bin/bash\nargs=()\nfor a in "$@"; do case "$a" in */bin/java) args+=(/nonexistent-jdk/bin/java) ;;'
                    ' *) args+=("$a") ;; esac; done\nexec %s "${args[@]}"\n' % os.path.join(real, "srun"))
        os.chmod(os.path.join(folder, "srun"), 0o755)
        return folder

    def kernel(self):
        km, kc = jmp_client.start()

        def stop():
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=False)
            km.cleanup_resources()
        self.addCleanup(stop)
        return km, kc

    def ok(self, kc, code, timeout=jmp_client.TIMEOUT):
        content, msgs = jmp_client.execute(kc, code, timeout)
        self.assertEqual(content["status"], "ok", (code, content, msgs))
        return msgs

    def value(self, kc, code):
        result = jmp_client.result_of(self.ok(kc, code))
        self.assertIsNotNone(result, code)
        return result["text/plain"]

    def test_a_slurm_group_runs_notebook_code_and_leaves_no_job(self):
        # A team's shared definitions file, given to the kernel through JMP_CLUSTERS: the "closed"
        # group below starts by name, with one option added on the line.
        defs = os.path.join(self.work, "clusters.json")
        with open(defs, "w") as f:
            json.dump({"closed": {"launcher": "slurm", "conf": self.slurm.conf, "poll": "200ms",
                                  "bind": "127.0.0.1", "partition": "closed",
                                  "stage": os.path.join(self.work, "stage")}}, f)
        old = os.environ.get("JMP_CLUSTERS")
        os.environ["JMP_CLUSTERS"] = defs
        self.addCleanup(lambda: os.environ.pop("JMP_CLUSTERS") if old is None else os.environ.update(JMP_CLUSTERS=old))
        km, kc = self.kernel()
        # -n 3: one allocation of three tasks for the group; each worker is a step of it.
        text = stream_text(self.ok(kc, self.start("hpc") + " -n 3"))
        self.assertIn("Cluster hpc started: slurm", text)
        self.assertIn("(3 workers)", text)
        self.ok(kc, "record Pt(int x, String job) implements java.io.Serializable {}")
        self.ok(kc, "int sq(int v) { return v * v; }")
        msgs = self.ok(kc, "%%pool --on hpc -n 3 --over java.util.stream.IntStream.range(0, 200).boxed().toList()"
                           " --as i --out pts --chunksize 4\n"
                           "if (i % 50 == 0) System.out.println(\"at \" + System.getenv(\"SLURMD_NODENAME\"));\n"
                           "return new Pt(sq(i), System.getenv(\"SLURM_JOB_ID\") + \".\" + System.getenv(\"SLURM_STEP_ID\"));", timeout=600)
        self.assertEqual(self.value(kc, "pts.size()"), "200")
        self.assertEqual(self.value(kc, "long s = 0; for (Pt p : pts) s += p.x(); s"),
                         str(sum(i * i for i in range(200))))
        self.assertEqual(self.value(kc, "pts.get(7).x()"), "49")
        # Every item ran inside the group's one job, in steps of it (one per worker), and the job
        # outlives the pool's workers, which squeue lists as running.
        jobs = self.value(kc, "new java.util.TreeSet<>(pts.stream().map(p -> p.job().split(\"[.]\")[0]).toList())")
        self.assertRegex(jobs, r"^\[\d+\]$", "one allocation for the group's workers")
        job = jobs.strip("[]")
        steps = self.value(kc, "new java.util.TreeSet<>(pts.stream().map(Pt::job).toList())")
        self.assertTrue(1 <= len(steps.strip("[]").split(",")) <= 3, steps)
        self.assertRegex(steps, r"^\[%s\.\d+(, %s\.\d+)*\]$" % (job, job))
        self.assertIn(job + "|RUNNING|", "\n".join(self.slurm.jobs()))
        # Slurm workers' lines say which node printed them, as ssh workers' do: [item@node].
        out = stream_text(msgs)
        labelled = re.findall(r"\[(\d+)@([\w.-]+)\] at ([\w.-]+)", out)
        self.assertEqual(sorted(int(i) for i, _, _ in labelled), [0, 50, 100, 150], out)
        self.assertTrue(all(label == node for _, label, node in labelled), labelled)
        # %timeline: its rows name the node of each worker.
        chart = [m for m in self.ok(kc, "%timeline") if m["msg_type"] == "display_data"][0]["content"]["data"]["text/plain"]
        rows = [r for r in chart.splitlines() if r.startswith("  ")]
        self.assertTrue(1 <= len(rows) <= 3, chart)
        self.assertTrue(all(re.match(r"  w[0-9]+@%s \(pid \d+\)" % re.escape(labelled[0][1]), r) for r in rows), chart)
        self.ok(kc, "%%shared\nSharedCounter hits = counter(0);")
        # Two processes: new workers, each a new step in the same allocation.
        msgs = self.ok(kc, "%%spawn --on hpc -n 2 --out procs\n"
                           "for (int k = 0; k < 100; k++) hits.incrementAndGet();\n"
                           "System.out.println(\"in job \" + System.getenv(\"SLURM_JOB_ID\"));\n"
                           "return sq(Worker.index() + 3);", timeout=600)
        self.assertEqual(len(re.findall(r"\[w\d+@[\w.-]+\] in job %s\n" % job, stream_text(msgs))), 2, msgs)
        self.assertEqual(self.value(kc, "procs.get(1).result()"), "16")
        self.assertEqual(self.value(kc, "hits.get()"), "200")
        msgs = self.ok(kc, "%workers --on hpc")
        self.assertTrue([m for m in msgs if m["msg_type"] == "display_data"], msgs)
        msgs = self.ok(kc, "%cluster list")
        listing = [m for m in msgs if m["msg_type"] == "display_data"][0]["content"]["data"]["text/plain"]
        self.assertIn("hpc", listing)
        self.assertIn("slurm", listing)
        # %cluster resize on a slurm group: the worker count for later pools, and nothing else.
        self.assertIn("(3 -> 4 workers)", stream_text(self.ok(kc, "%cluster resize hpc -n 4")))
        content, msgs = jmp_client.execute(kc, "%cluster resize hpc --time 5:00")
        self.assertEqual(content["status"], "error", (content, msgs))
        self.assertIn("%cluster resize hpc: a slurm group changes only its worker count (-n)", content["evalue"])
        # A job that cannot start (its partition is down) says why while it waits, and is cancelled
        # at the queue timeout, not at the runtime's start timeout.
        msgs = self.ok(kc, "%cluster list")
        self.assertIn("Defined in %s: closed" % defs, stream_text(msgs))
        # Interrupting a cell whose workers wait in the queue cancels the group's job.
        self.ok(kc, "%cluster start closed")
        msg_id = kc.execute("%%spawn --on closed\nreturn 1;")
        pending = None
        deadline = time.time() + 300
        while pending is None and time.time() < deadline:
            msg = kc.get_iopub_msg(timeout=300)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                pending = re.search(r"slurm: job (\d+) pending for \d+ s: 0/1 workers \(reason: PartitionDown\)",
                                    msg["content"]["text"])
        self.assertIsNotNone(pending, "the queued job's reason is shown")
        self.assertIn(pending.group(1) + "|PENDING|", "\n".join(self.slurm.jobs()))
        km.interrupt_kernel()
        self.assertEqual(jmp_client.shell_reply(kc, msg_id)["content"]["status"], "error")
        jmp_client.collect(kc, msg_id)
        deadline = time.time() + 300
        while [j for j in self.slurm.jobs() if j.startswith(pending.group(1) + "|")] and time.time() < deadline:
            time.sleep(0.1)
        self.assertEqual([j for j in self.slurm.jobs() if j.startswith(pending.group(1) + "|")], [],
                         "an interrupt cancels a queued allocation")
        self.ok(kc, "%cluster stop closed")
        # A job that cannot start (its partition is down) is cancelled at the queue timeout, not at the
        # runtime's start timeout.
        self.ok(kc, "%cluster start closed --queue-timeout 2s")
        content, msgs = jmp_client.execute(kc, "%%spawn --on closed\nreturn 1;", timeout=600)
        self.assertEqual(content["status"], "error", (content, msgs))
        out = stream_text(msgs)
        self.assertIn("pending for", out)
        self.assertIn("(reason: PartitionDown)", out)
        self.assertIn("longer than the queue timeout of 2 s; cancelled", out)
        self.ok(kc, "%cluster stop closed")
        # A node without this machine's java (srun wrapped to ask for one that is not there): the
        # job's own error, then a line naming the limit (the slurm launcher copies no java).
        self.ok(kc, self.start("nojava") + " --bin " + self.bin_without_java())
        content, msgs = jmp_client.execute(kc, "%%spawn --on nojava\nreturn 1;", timeout=600)
        self.assertEqual(content["status"], "error", (content, msgs))
        out = stream_text(msgs)
        self.assertIn("execve(): /nonexistent-jdk/bin/java", out)
        self.assertIn("could not start the worker: the slurm launcher copies no java,", out)
        self.ok(kc, "%cluster stop nojava")
        self.ok(kc, "%cluster stop hpc")
        self.assertEqual(self.slurm.await_no_jobs(), [], "%cluster stop cancels the group's allocation")
        # kill -9 of the kernel: its watchdog cancels the allocation it leaves behind.
        self.ok(kc, self.start("again") + " -n 2")
        self.ok(kc, "%%spawn --on again -n 2 --bg\nThread.sleep(600_000);")
        deadline = time.time() + 300
        while len(self.steps_running()) < 2 and time.time() < deadline:
            time.sleep(0.1)
        running = [j for j in self.slurm.jobs() if "|RUNNING|" in j]
        self.assertEqual(len(running), 1, running)
        self.assertEqual(len(self.steps_running()), 2, "both workers run as steps of the one job")
        os.kill(km.provisioner.process.pid, signal.SIGKILL)
        self.assertEqual(self.slurm.await_no_jobs(), [], "a Slurm job outlived the kernel killed with -9")

    def steps_running(self):
        """The workers' steps Slurm runs (not the allocations' batch steps)."""
        return [line for line in self.slurm.run("squeue", "--noheader", "--steps", "--format=%i").split()
                if line.split(".")[-1].isdigit()]

if __name__ == "__main__":
    unittest.main()
