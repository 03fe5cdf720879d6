"""Remote groups for a notebook (11-from-one-machine-to-a-cluster): two sshd "hosts" in network
namespaces (test_cluster's ssh-hosts.sh) and a single-node Slurm (slurm_fixture) inside the parent's
namespace h0, where the notebook's kernel then runs (`ip netns exec`), so every connection starts
and ends inside namespaces the test made. The notebook reads its options from JMP_NB_SSH and
JMP_NB_SLURM. Everything is stopped and removed at the end, even on failure."""
import contextlib
import os
import shutil
import subprocess
import tempfile
import time

import slurm_fixture
import test_cluster


def missing():
    """Why the groups cannot be made here, or None."""
    if not os.path.exists("/usr/sbin/sshd"):
        return "needs openssh-server (.ci/run installs it)"
    return slurm_fixture.missing()


@contextlib.contextmanager
def remote_groups(problems):
    """Yields (command prefix, environment) for running the notebook in h0; appends to problems
    what was left behind (processes on the hosts, Slurm jobs)."""
    prefix = "jmpnb%d" % os.getpid()
    work = tempfile.mkdtemp(prefix="jmp-nb-cluster-")
    hosts = os.path.join(work, "hosts")
    slurm = None
    try:
        up = subprocess.run([test_cluster.SCRIPT, "up", prefix, hosts], capture_output=True, text=True, timeout=300)
        if up.returncode != 0:
            raise AssertionError("ssh-hosts.sh up failed: " + up.stdout + up.stderr)
        for addr, dev in (("10.77.1.2", "dev v0a"), ("10.77.2.2", "dev v0b")):
            route = subprocess.run(["ip", "netns", "exec", prefix + "-h0", "ip", "route", "get", addr],
                                   capture_output=True, text=True, check=True).stdout
            if dev not in route:
                raise AssertionError("%s is not reached through the namespaces' own link: %s" % (addr, route))
        slurm = slurm_fixture.Slurm(os.path.join(work, "slurm"), netns=prefix + "-h0")
        stage = os.path.join(work, "stage")  # the "node's" folder for the jars sbcast copies
        os.makedirs(stage, exist_ok=True)
        env = dict(os.environ,
                   JMP_NB_SSH="--hosts 10.77.1.2,10.77.2.2:2 --identity {0}/id --known-hosts {0}/known_hosts"
                              " --cache {0}/cache".format(hosts),
                   JMP_NB_SLURM="--conf %s --poll 200ms --bind 127.0.0.1 --stage %s" % (slurm.conf, stage))
        yield ["ip", "netns", "exec", prefix + "-h0"], env
        deadline = time.time() + 300  # a hang detector: the sessions end as the kernel stops
        while test_cluster.leftovers(prefix, hosts) and time.time() < deadline:
            time.sleep(0.05)
        left = test_cluster.leftovers(prefix, hosts)
        if left:
            problems.append("processes left on the ssh hosts after the notebook: %s" % left)
        jobs = slurm.await_no_jobs()
        if jobs:
            problems.append("Slurm jobs left after the notebook: %s" % jobs)
    finally:
        if slurm:
            slurm.stop()
        subprocess.run([test_cluster.SCRIPT, "down", prefix, hosts], capture_output=True, timeout=300)
        shutil.rmtree(work, True)
