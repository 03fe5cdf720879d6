"""A throwaway single-node Slurm for the end-to-end tests, started by the runtime's test script
runtime/src/test/resources/slurm/single-node.sh (munged, slurmctld and slurmd on 127.0.0.1 with free
ports, all state in a folder the test owns). The script stops its daemons when its stdin closes, so
the Slurm goes with the test process whatever way that ends. Optionally inside a network namespace
(the notebook series runs its kernel in one; 127.0.0.1 there is the namespace's own loopback).
"""
import os
import socket
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.environ.get("JMP_REPO", os.path.abspath(os.path.join(HERE, "../../../..")))
SCRIPT = os.path.join(REPO, "runtime/src/test/resources/slurm/single-node.sh")


def missing():
    """Why the Slurm tests cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root (slurmd runs jobs as their users)"
    if not any(os.access(os.path.join(d, "slurmctld"), os.X_OK) for d in ("/usr/sbin", "/usr/bin")):
        return "slurmctld is not installed (apt-get install slurm-wlm munge; .ci/run installs them)"
    return None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Slurm:
    """A running test Slurm; conf is its slurm.conf (give it to %cluster start ... --conf)."""

    def __init__(self, folder, netns=None):
        self.folder = folder
        self.netns = netns
        self.conf = os.path.join(folder, "slurm.conf")
        # munged wants o+x on every folder above its socket; a temp folder is 700.
        os.makedirs(folder)
        os.chmod(os.path.dirname(folder), 0o711)
        # nsenter, not `ip netns exec`: that also remounts /sys, which hides /sys/fs/cgroup from
        # slurmd ("Unable to initialize cgroup plugin"); only the network namespace must change.
        prefix = ["nsenter", "--net=/run/netns/" + netns] if netns else []
        self.err = open(os.path.join(os.path.dirname(folder), "slurm-harness.err"), "w")
        self.script = subprocess.Popen(prefix + ["bash", SCRIPT, folder, "8", str(_free_port()), str(_free_port())],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err, text=True)
        line = self.script.stdout.readline().strip()
        if line != "ready":
            self.stop()
            with open(self.err.name) as f:
                raise AssertionError("the test Slurm did not start: " + f.read())

    def run(self, *command):
        """Runs a Slurm command against this cluster; returns its stdout."""
        prefix = ["ip", "netns", "exec", self.netns] if self.netns else []
        return subprocess.run(prefix + list(command), capture_output=True, text=True, timeout=300,
                              env=dict(os.environ, SLURM_CONF=self.conf)).stdout

    def jobs(self):
        """Jobs still queued, running or completing: 'id|state|name' each."""
        return [line.strip() for line in self.run("squeue", "--noheader", "--format=%i|%T|%j").splitlines()
                if line.strip()]

    def await_no_jobs(self, timeout=300):
        """Waits until no job is left (a hang detector); returns those still there."""
        deadline = time.time() + timeout
        left = self.jobs()
        while left and time.time() < deadline:
            time.sleep(0.1)
            left = self.jobs()
        return left

    def stop(self):
        """Cancels what is left and stops the daemons (closing the script's stdin), waiting for them."""
        if self.script.poll() is None:
            try:
                self.run("scancel", "--user=root")  # this cluster's jobs only (its own SLURM_CONF)
                self.await_no_jobs(60)
            except (OSError, subprocess.SubprocessError):
                pass
            self.script.stdin.close()
            try:
                self.script.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.script.kill()
                self.script.wait()
        self.script.stdout.close()
        self.err.close()
