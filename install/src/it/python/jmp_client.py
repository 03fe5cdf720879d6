"""Helpers for the jmp end-to-end tests: start the installed kernel, run code, collect output."""
import os
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

TIMEOUT = 60


def start():
    """Starts the installed jmp kernel; returns (manager, client)."""
    return start_new_kernel(kernel_name="jmp", startup_timeout=TIMEOUT)


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


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply to request msg_id. Replies to other requests are skipped: under load,
    jupyter_client's wait_for_ready sends several kernel_info requests and reads only the
    first reply, so later ones can still be queued on the shell channel."""
    deadline = time.time() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.01, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply
        if reply["msg_type"] != "kernel_info_reply":
            raise AssertionError("unexpected shell reply %s while waiting for %s" % (reply["msg_type"], msg_id))


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


def worker_alive(pid):
    """Whether a jmp worker JVM with this pid still runs (pid reuse by another program does not count)."""
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return b"dev.jmp.worker.WorkerMain" in f.read()
    except (FileNotFoundError, ProcessLookupError):
        return False


def wait_workers_gone(pids, timeout=15):
    """Waits until none of the worker pids runs; returns those still alive."""
    deadline = time.time() + timeout
    alive = [p for p in pids if worker_alive(p)]
    while alive and time.time() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if worker_alive(p)]
    return alive
