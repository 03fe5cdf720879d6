"""%cluster with the ssh launcher through the installed kernel. Two sshd "hosts" run in network
namespaces this test makes (runtime/src/test/sh/ssh-hosts.sh); the Jupyter client and the kernel
run in a third (cluster_inner.py, started there with `ip netns exec`), so every connection starts
and ends inside namespaces the test owns. Afterwards nothing but the two sshd listeners may be left
in the host namespaces, and the namespaces are removed."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.environ.get("JMP_REPO", os.path.abspath(os.path.join(HERE, "../../../..")))
SCRIPT = os.path.join(REPO, "runtime/src/test/sh/ssh-hosts.sh")


def leftovers(prefix, hosts):
    """Pids in the host namespaces other than their sshd listeners (sessions, wrappers, workers)."""
    out = []
    for i in (1, 2):
        with open(os.path.join(hosts, "sshd-h%d.pid" % i)) as f:
            sshd = int(f.read().strip())
        pids = subprocess.run(["ip", "netns", "pids", "%s-h%d" % (prefix, i)], capture_output=True, text=True,
                              check=True).stdout.split()
        out += [int(p) for p in pids if int(p) != sshd and os.path.exists("/proc/%s" % p)]
    return out


class ClusterTest(unittest.TestCase):

    def test_cluster_start_pool_spawn_workers_list_and_stop_through_the_kernel(self):
        if os.geteuid() != 0 or not os.path.exists("/usr/sbin/sshd"):
            self.skipTest("needs root and openssh-server (.ci/run installs it)")
        prefix = "jmpe2e%d" % os.getpid()
        work = tempfile.mkdtemp(prefix="jmp-cluster-")
        hosts = os.path.join(work, "hosts")
        try:
            up = subprocess.run([SCRIPT, "up", prefix, hosts], capture_output=True, text=True)
            self.assertEqual(up.returncode, 0, up.stdout + up.stderr)
            for addr, dev in (("10.77.1.2", "dev v0a"), ("10.77.2.2", "dev v0b")):
                route = subprocess.run(["ip", "netns", "exec", prefix + "-h0", "ip", "route", "get", addr],
                                       capture_output=True, text=True, check=True).stdout
                self.assertIn(dev, route, "the hosts are reached through the namespaces' own links only")
            env = dict(os.environ, JMP_CLUSTER_HOSTS=hosts)
            inner = subprocess.run(["ip", "netns", "exec", prefix + "-h0", sys.executable, "-m", "unittest", "-v",
                                    "cluster_inner"], cwd=HERE, env=env, timeout=1200)
            self.assertEqual(inner.returncode, 0, "the kernel-side checks failed (see above)")
            deadline = time.time() + 300  # a hang detector: the sessions end as the kernel stops
            while leftovers(prefix, hosts) and time.time() < deadline:
                time.sleep(0.05)
            self.assertEqual(leftovers(prefix, hosts), [], "processes left on the hosts after the kernel stopped")
        finally:
            subprocess.run([SCRIPT, "down", prefix, hosts], capture_output=True)
            shutil.rmtree(work, True)


if __name__ == "__main__":
    unittest.main()
