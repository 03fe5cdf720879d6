"""ipyparallel peers of the remote figures (bench/src/.../RemoteBench.java).

Usage: remote_peer.py CASE   -- prints the figure, in the Java figure's unit, as its last line.

Run by bench/run inside the parent's network namespace (PREFIX-h0, address 10.77.1.1), with
JMP_BENCH_HOSTS_DIR naming the folder of the test hosts' ssh client key and known_hosts
(made by runtime/src/test/sh/ssh-hosts.sh). It starts what ipyparallel users start:
`ipcontroller` beside the parent, listening on 10.77.1.1 with CurveZMQ encryption
(IPP_ENABLE_CURVE=1: jmp encrypts every connection of a remote group, so both sides do), and one `ipengine` on each "host"
(10.77.1.2 and 10.77.2.2) through ssh, as ipyparallel's own SSH engine launcher does, so the
engines sit in the same namespaces as jmp's workers and talk to the controller over the same
veth links. Everything it started is shut down before it exits.

Cases, each mirroring RemoteBench:
- apply (us): mean round trip of `apply_sync` of a function returning 7 on the engine of the
  first host (10.77.1.2), after 1,000 untimed ones; 2,000 timed (scaled by JMP_BENCH_SCALE).
- tiny (tasks/s): `map_sync` of the identity over 4,000 ints on a load-balanced view of the
  two engines with chunk size 1 (each item its own task, as jmp's `map(f, items, 1)`); median
  of 3 rounds after one untimed round.
Results are checked; a wrong one fails the run.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import ipyparallel as ipp

from runtime_peer import check, ops  # the same scale and result check as the local peers

PARENT = "10.77.1.1"
HOSTS = ["10.77.1.2", "10.77.2.2"]
START_TIMEOUT_S = 300


def seven():
    return 7


def noop(x=None):
    return x


def where():
    import os
    return os.environ.get("SSH_CONNECTION", "").split(" ")[2:3]


class Cluster:
    """ipcontroller here and one ipengine per host through ssh; stopped on exit."""

    def __init__(self, hosts_dir):
        self.hosts_dir = hosts_dir
        self.profile = tempfile.mkdtemp(prefix="jmp-bench-ipp-")
        self.procs = []
        self.client = None

    def __enter__(self):
        log = open(os.path.join(self.profile, "controller.log"), "w")
        # jmp encrypts every connection of a remote group (CURVE); ipyparallel does when asked.
        env = dict(os.environ, IPP_ENABLE_CURVE="1")
        self.procs.append(subprocess.Popen(
            ["/usr/bin/ipcontroller", "--ip=" + PARENT, "--profile-dir=" + self.profile, "--log-level=WARN"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env))
        engine_file = os.path.join(self.profile, "security", "ipcontroller-engine.json")
        client_file = os.path.join(self.profile, "security", "ipcontroller-client.json")
        deadline = time.monotonic() + START_TIMEOUT_S
        while not (os.path.exists(engine_file) and os.path.exists(client_file)):
            if self.procs[0].poll() is not None or time.monotonic() > deadline:
                raise SystemExit("ipcontroller did not start; its log: " + open(log.name).read())
            time.sleep(0.05)
        check(self.connection(client_file, deadline).get("curve_serverkey"), "ipcontroller runs with CURVE")
        for host in HOSTS:
            # The engine reads the controller's connection file from the path given (this
            # machine's filesystem is shared by the namespaces); it connects to 10.77.1.1.
            elog = open(os.path.join(self.profile, "engine-%s.log" % host), "w")
            self.procs.append(subprocess.Popen(
                ["ssh", "-i", os.path.join(self.hosts_dir, "id"),
                 "-o", "UserKnownHostsFile=" + os.path.join(self.hosts_dir, "known_hosts"),
                 "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                 host, "exec /usr/bin/ipengine --file=%s --log-level=WARN" % engine_file],
                stdin=subprocess.DEVNULL, stdout=elog, stderr=subprocess.STDOUT))
        self.client = ipp.Client(client_file)
        self.client.wait_for_engines(len(HOSTS), timeout=START_TIMEOUT_S)
        return self

    @staticmethod
    def connection(path, deadline):
        """The connection file, read once it parses (it may still be being written)."""
        while True:
            try:
                with open(path) as f:
                    return json.load(f)
            except ValueError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def engine_on(self, host):
        for eid in self.client.ids:
            if self.client[eid].apply_sync(where) == [host]:
                return eid
        raise SystemExit("no engine on " + host)

    def __exit__(self, *exc):
        try:
            if self.client is not None:
                self.client.shutdown(hub=True, block=True)
                self.client.close()
        finally:
            for p in self.procs:
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            shutil.rmtree(self.profile, ignore_errors=True)
        return False


def apply_roundtrip(cluster):
    eid = cluster.engine_on(HOSTS[0])
    view = cluster.client[eid]
    n = ops(2000)
    for _ in range(1000):
        view.apply_sync(noop)
    t0 = time.perf_counter()
    for _ in range(n):
        check(view.apply_sync(seven) == 7, "apply")
    return (time.perf_counter() - t0) * 1e6 / n


def tiny(cluster):
    hosts = set(tuple(h) for h in cluster.client[:].apply_sync(where))
    check(hosts == {(h,) for h in HOSTS}, "one engine per host, got %s" % hosts)
    n = ops(4000)
    items = list(range(n))
    view = cluster.client.load_balanced_view()
    rates = []
    for rnd in range(4):
        t0 = time.perf_counter()
        out = view.map_sync(noop, items, chunksize=1)
        s = time.perf_counter() - t0
        check(list(out) == items, "map")
        if rnd > 0:
            rates.append(n / s)
    return statistics.median(rates)


CASES = {"apply": apply_roundtrip, "tiny": tiny}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in CASES:
        raise SystemExit("usage: remote_peer.py " + "|".join(CASES))
    hosts_dir = os.environ.get("JMP_BENCH_HOSTS_DIR")
    if not hosts_dir or not os.path.isfile(os.path.join(hosts_dir, "id")):
        raise SystemExit("remote_peer.py runs inside bench/run remote (JMP_BENCH_HOSTS_DIR names the test hosts' keys)")
    with Cluster(hosts_dir) as c:
        value = CASES[sys.argv[1]](c)
    print(value)
