"""Machinery of the real-browser test: a classic Jupyter Notebook server (Debian `jupyter-notebook`)
on 127.0.0.1 with a token, headless Chromium driven by chromedriver (Selenium), and the proof that
every process they started is gone afterwards. Everything lives in one temporary folder; the kernel
comes from JUPYTER_DATA_DIR (a temporary one when run by KernelEndToEndIT)."""
import json
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
JUPYTER = "/usr/bin/jupyter"
MISSING = "the browser test needs Debian's chromium, chromium-driver, python3-selenium and jupyter-notebook " \
          "(apt-get install chromium chromium-driver python3-selenium jupyter-notebook); missing: %s"


def _stat(pid):
    """(state, parent pid, start time) of a process, or None when it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return fields[0], int(fields[1]), fields[19]


def _read(pid, name):
    try:
        with open("/proc/%d/%s" % (pid, name), "rb") as f:
            return f.read()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return b""


def _processes():
    """{pid: (parent pid, start time)} of every live process."""
    found = {}
    for pid in (int(p) for p in os.listdir("/proc") if p.isdigit()):
        st = _stat(pid)
        if st and st[0] != "Z":
            found[pid] = (st[1], st[2])
    return found


def started_by(tag):
    """{pid: (start time, command line)} of the live processes this test started: those whose
    environment holds tag (the kernel and its workers inherit the server's environment, Chromium
    chromedriver's, even after their parent exited) and all their descendants (Chromium rewrites
    the environment of its zygote-forked helpers)."""
    live = _processes()
    children = {}
    for pid, (parent, _) in live.items():
        children.setdefault(parent, []).append(pid)
    entry = tag.encode()
    todo = [pid for pid in live if entry in _read(pid, "environ").split(b"\0")]
    found = {}
    while todo:
        pid = todo.pop()
        if pid not in found and pid in live:
            found[pid] = (live[pid][1], _read(pid, "cmdline").replace(b"\0", b" ").decode(errors="replace").strip())
            todo.extend(children.get(pid, []))
    return found


def wait_gone(tag, seen, timeout):
    """Waits until no process started by the test runs: none carries tag and none of seen ({pid:
    (start time, command line)} noted earlier) runs; returns {pid: command line} of the rest."""
    deadline = time.time() + timeout
    while True:
        live = _processes()
        alive = {pid: cmd for pid, (start, cmd) in seen.items() if pid in live and live[pid][1] == start}
        alive.update((pid, cmd) for pid, (_, cmd) in started_by(tag).items())
        if not alive or time.time() > deadline:
            return alive
        time.sleep(0.1)


def kind(cmd):
    """What a tagged process is, for the report."""
    for name, mark in (("worker", "dev.jmp.internal.worker.WorkerMain"), ("process launch helper", "jspawnhelper"),
                       ("chromedriver", "chromedriver"),
                       ("chromium", "chromium"), ("kernel", "dev.jmp.kernel"), ("kernel", "jmp-kernel"),
                       ("notebook server", "notebook")):
        if mark in cmd:
            return name
    return cmd[:60]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NotebookServer:
    """`jupyter notebook` serving a temporary folder on 127.0.0.1 with a random token."""

    def __init__(self, root, tag):
        self.root = root
        self.token = secrets.token_hex(16)
        self.notebooks = os.path.join(root, "notebooks")
        runtime = os.path.join(root, "runtime")
        for d in (self.notebooks, runtime, os.path.join(root, "config")):
            os.makedirs(d)
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=runtime, JUPYTER_CONFIG_DIR=os.path.join(root, "config"))
        env.update([tag.split("=", 1)])
        env.pop("JUPYTER_TOKEN", None)
        self.log_path = os.path.join(root, "notebook-server.log")
        self._log = open(self.log_path, "wb")
        # A port that was free a moment ago; if another program takes it meanwhile, the server moves
        # to the next free one and writes the port it got into its info file, which is read below.
        self.process = subprocess.Popen(
            [JUPYTER, "notebook", "--no-browser", "--ip=127.0.0.1", "--port=%d" % _free_port(),
             "--NotebookApp.token=" + self.token, "--notebook-dir=" + self.notebooks]
            + (["--allow-root"] if os.geteuid() == 0 else []),
            env=env, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        info = os.path.join(runtime, "nbserver-%d.json" % self.process.pid)
        deadline = time.time() + 300  # a hang detector: a loaded machine starts the server slowly
        while not os.path.exists(info) or os.path.getsize(info) == 0:
            if self.process.poll() is not None or time.time() > deadline:
                self.process.kill()
                self.process.wait()
                self._log.close()
                raise AssertionError("the notebook server did not start (exit %s):\n%s"
                                     % (self.process.poll(), self.log()))
            time.sleep(0.1)
        with open(info) as f:
            self.port = json.load(f)["port"]
        self.url = "http://127.0.0.1:%d/" % self.port

    def log(self):
        if not self._log.closed:
            self._log.flush()
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def api(self, method, path, timeout=300):
        """Calls the REST API with the token; returns the decoded JSON body or None."""
        request = urllib.request.Request(self.url + path, method=method, data=b"" if method == "POST" else None,
                                         headers={"Authorization": "token " + self.token})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
        with opener.open(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def stop(self, timeout=300):
        """Halts every kernel (as File > Close and Halt does), then the server; returns problems."""
        problems = []
        try:
            for kernel in self.api("GET", "api/kernels"):
                self.api("DELETE", "api/kernels/" + kernel["id"])
            self.api("POST", "api/shutdown")
        except OSError as e:
            problems.append("REST shutdown failed: %s" % e)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            problems.append("the notebook server did not exit within %d s; killed" % timeout)
            self.process.kill()
            self.process.wait()
        self._log.close()
        return problems


def start_chromium(root, tag, width=1280, height=1800):
    """Headless Chromium (as root it needs --no-sandbox) with its profile in root, reaching loopback only."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if missing:
        raise AssertionError(MISSING % missing)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + os.path.join(root, "chromium-profile"), "--window-size=%d,%d" % (width, height),
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        options.add_argument(arg)
    env = dict(os.environ, HOME=root)  # chromium writes caches under HOME
    env.update([tag.split("=", 1)])
    service = Service(executable_path=CHROMEDRIVER, log_path=os.path.join(root, "chromedriver.log"), env=env)
    return webdriver.Chrome(service=service, options=options)


def new_root():
    """A temporary folder for everything the test writes, and the environment entry that tags
    every process the test starts."""
    root = tempfile.mkdtemp(prefix="jmp-browser-")
    return root, "JMP_BROWSER_TEST=" + root
