"""Helpers for the jmp end-to-end tests: start the installed kernel, run code, collect output."""
import atexit
import os
import re
import shutil
import signal
import tempfile
import time
import unittest
import uuid
from queue import Empty

from jupyter_client.manager import start_new_kernel

TIMEOUT = 300  # a hang detector: a kernel JVM on a loaded machine is slow to start

# Every process these tests start inherits this environment entry (KernelEndToEndIT sets it; a run
# of its own gets a fresh one), so the orphan checks look at this run's processes only, never at
# a kernel another program started from the same kernelspec.
RUN_TAG_NAME = "JMP_TEST_RUN"
RUN_TAG = "%s=%s" % (RUN_TAG_NAME, os.environ.setdefault(RUN_TAG_NAME, "py-" + uuid.uuid4().hex))


def start():
    """Starts the installed jmp kernel; returns (manager, client)."""
    return start_new_kernel(kernel_name="jmp", startup_timeout=TIMEOUT)


def kernel_dir():
    """The installed jmp kernelspec's folder (its jars are in lib/)."""
    from jupyter_client.kernelspec import KernelSpecManager
    return KernelSpecManager().get_kernel_spec("jmp").resource_dir


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def collect(kc, msg_id, timeout=TIMEOUT):
    """Reads IOPub until the request's idle status; returns [(arrival time, msg)]."""
    out = []
    deadline = time.time() + timeout
    while True:
        remaining = deadline - time.time()
        if remaining <= 0:
            raise AssertionError("no idle status for %s within %ss" % (msg_id, timeout))
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            out.append((time.time(), msg))
            return out
        out.append((time.time(), msg))


def execute(kc, code, timeout=TIMEOUT):
    """Runs code; returns (reply content, [iopub msgs])."""
    msg_id = kc.execute(code)
    reply = shell_reply(kc, msg_id, timeout)
    msgs = [m for _, m in collect(kc, msg_id, timeout)]
    return reply["content"], msgs


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply to a request, skipping late replies to earlier ones (start_new_kernel
    sends kernel_info requests until one is answered, so a slow start leaves extra replies)."""
    deadline = time.time() + timeout
    while True:
        remaining = deadline - time.time()
        if remaining <= 0:
            raise AssertionError("no shell reply for %s within %ss" % (msg_id, timeout))
        reply = kc.get_shell_msg(timeout=remaining)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


_RELEASE_DIR = tempfile.mkdtemp(prefix="jmp-release-")
atexit.register(shutil.rmtree, _RELEASE_DIR, True)


def release_file():
    """A fresh path that does not exist yet: a cell waits for it (see await_file), the test creates
    it once it has seen what it checks, so the check does not depend on timing."""
    return tempfile.mktemp(dir=_RELEASE_DIR)


def await_file(path):
    """Java statement that waits until the file exists (the test's timeouts are the hang detectors)."""
    return 'while (!java.nio.file.Files.exists(java.nio.file.Path.of("%s"))) Thread.sleep(5);' % path


def release(path):
    open(path, "w").close()


def await_path(path, timeout=TIMEOUT):
    """Waits until a cell has created the file at path (the signal that its body runs)."""
    deadline = time.time() + timeout
    while not os.path.exists(path):
        if time.time() > deadline:
            raise AssertionError("%s was not created within %ss" % (path, timeout))
        time.sleep(0.05)


def text_of(msgs, name=None):
    return "".join(m["content"]["text"] for m in msgs
                   if m["msg_type"] == "stream" and (name is None or m["content"]["name"] == name))


def result_of(msgs):
    for m in msgs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]
    return None


def error_of(msgs):
    for m in msgs:
        if m["msg_type"] == "error":
            return m["content"]
    return None


def pid_dir():
    return os.environ.get("JMP_PID_DIR")


def tagged(pid):
    """Whether a process with this pid runs and was started by this test run (it carries RUN_TAG;
    a pid reused by another program does not count, nor does a zombie)."""
    try:
        with open("/proc/%d/environ" % pid, "rb") as f:
            return RUN_TAG.encode() in f.read().split(b"\0")
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return False


def worker_alive(pid):
    """Whether the worker JVM with this pid (one this run's kernel launched) still runs."""
    return tagged(pid)


def wait_workers_gone(pids, timeout=300):
    """Waits until none of the worker pids runs; returns those still alive."""
    deadline = time.time() + timeout
    alive = [p for p in pids if worker_alive(p)]
    while alive and time.time() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if worker_alive(p)]
    return alive


def kill_leftovers(alive):
    """Kills the processes ({pid: command line}) still running after a test's shutdown, and returns
    the problem that names them, or None if there were none: a leftover fails its test and is
    never left to the next one."""
    if not alive:
        return None
    for pid in alive:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return "still running after the shutdown (now killed): %s" % ["%d %s" % (p, cmd[:300]) for p, cmd in alive.items()]


LAUNCHED = "dev.jmp.Jmp.launchedPids()"
"""An expression the kernel evaluates to the pids of every worker JVM it launched."""


class KernelTestCase(unittest.TestCase):
    """One installed jmp kernel per test class (WARM warm workers, 0 for none); after the class,
    the kernel is stopped and none of the workers it launched (plus those in cls.pids) may run."""

    WARM = 0

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start()
        cls.pids = set()
        if cls.WARM:
            content, _ = execute(cls.kc, "%%workers --warm %d" % cls.WARM)
            assert content["status"] == "ok", content

    @classmethod
    def tearDownClass(cls):
        # Stop the kernel whatever happens, then check that none of its workers outlived it.
        pids = []
        try:
            content, msgs = execute(cls.kc, LAUNCHED)
            pids = [int(p) for p in re.findall(r"\d+", (result_of(msgs) or {}).get("text/plain", ""))]
        finally:
            stop(cls.km, cls.kc)
        alive = wait_workers_gone(set(pids) | cls.pids)
        assert not alive, "workers outlived the kernel: %s" % alive

    def execute(self, code, timeout=TIMEOUT):
        return execute(self.kc, code, timeout=timeout)

    def run_ok(self, code):
        content, msgs = self.execute(code)
        self.assertEqual(content["status"], "ok", (code, content, msgs))
        return content, msgs

    def run_error(self, code):
        """Runs code that must fail, then checks that the kernel still answers."""
        content, msgs = self.execute(code)
        self.assertEqual(content["status"], "error", (code, content, msgs))
        self.assertEqual(result_of(self.run_ok("40 + 2")[1]), {"text/plain": "42"}, "kernel alive")
        return content, msgs

    def value(self, code):
        """The text/plain result of code, which must succeed and have one."""
        _, msgs = self.run_ok(code)
        result = result_of(msgs)
        self.assertIsNotNone(result, (code, msgs))
        return result["text/plain"]

    def launched(self):
        """How many worker JVMs the kernel has launched so far."""
        return int(self.value(LAUNCHED + ".size()"))

    @staticmethod
    def displays(msgs, kind="display_data"):
        return [m["content"] for m in msgs if m["msg_type"] == kind]
