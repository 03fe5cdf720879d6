"""Issue 12, must-show 2: the wire attacks of WireFuzzIT, played from outside against the installed
kernel started with a 256 MB heap (JMP_JAVA_OPTS=-Xmx256m), at every loopback port the kernel JVM
listens on besides its Jupyter ports (the runtime's hub ROUTERs, the call-channel listener once
it exists). Afterwards %%spawn -n 2 still works, as does a plain cell, and the kernel still runs.

Before the wire was authenticated, attack (a) alone killed the hub's JeroMQ I/O thread in a 256 MB
kernel, after which every %%spawn failed with "no message from the parent for 10092 ms"."""
import os
import re
import socket
import struct
import sys
import time
import unittest

import zmq
from jupyter_client.manager import start_new_kernel

import jmp_client

HEAP = "-Xmx256m"
SPAWN = "%%spawn -n 2\nreturn Worker.index() * 10 + 1;"


def greeting_null():
    """A ZMTP 3.0 greeting with the NULL mechanism, as client."""
    return (b"\xff" + b"\x00" * 8 + b"\x7f" + b"\x03\x00" + b"NULL".ljust(20, b"\x00")
            + b"\x00" + b"\x00" * 31)


def ready_dealer():
    """A READY command announcing a DEALER socket (short command frame, flag 0x04)."""
    body = b"\x05READY" + b"\x0bSocket-Type" + struct.pack(">I", 6) + b"DEALER"
    return b"\x04" + bytes([len(body)]) + body


def huge_frame_header():
    """A long message frame (flag 0x02) declaring 1 GiB, whose bytes never come."""
    return b"\x02" + struct.pack(">Q", 1 << 30)


def listening_ports(pid):
    """The TCP ports the process listens on (from /proc/net/tcp{,6} and its descriptors)."""
    inodes = set()
    for fd in os.listdir("/proc/%d/fd" % pid):
        try:
            target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
        except OSError:
            continue  # closed meanwhile
        m = re.fullmatch(r"socket:\[(\d+)\]", target)
        if m:
            inodes.add(m.group(1))
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                rows = f.read().splitlines()[1:]
        except FileNotFoundError:
            continue
        for row in rows:
            cols = row.split()
            local, state, inode = cols[1], cols[3], cols[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                ports.add(int(local.rsplit(":", 1)[1], 16))
    return ports


def drain_until_closed(sock, seconds):
    """Reads (and discards) until the peer closes or the time is up; returns whether it closed."""
    sock.settimeout(0.2)
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if not sock.recv(65536):
                return True
        except socket.timeout:
            continue
        except OSError:
            return True
    return False


class WireAttackTest(jmp_client.KernelTestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="jmp", startup_timeout=jmp_client.TIMEOUT,
                                          env=dict(os.environ, JMP_JAVA_OPTS=HEAP))
        cls.pids = set()

    def kernel_pid(self):
        # jmp-kernel execs java, so the process Jupyter started is the kernel JVM.
        pid = self.km.provisioner.process.pid
        self.assertTrue(jmp_client.tagged(pid), "the kernel JVM %d carries %s" % (pid, jmp_client.RUN_TAG))
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            argv = f.read().split(b"\0")
        self.assertIn(b"dev.jmp.kernel.KernelMain", argv)
        self.assertIn(HEAP.encode(), argv, "jmp-kernel passes JMP_JAVA_OPTS to the JVM")
        return pid

    def assert_spawn_works(self):
        _, msgs = self.run_ok(SPAWN)
        plain = self.displays(msgs)[-1]["data"]["text/plain"].splitlines()
        self.assertRegex(plain[0], r"^spawn-\d+: 2 workers, 2 ok, [0-9.]+ s$", plain)
        self.assertRegex(plain[2], r"^w0\s+spawn-\d+-0\s+\d+\s+0\s+[0-9.]+ s\s+1$", plain)
        self.assertRegex(plain[3], r"^w1\s+spawn-\d+-1\s+\d+\s+0\s+[0-9.]+ s\s+11$", plain)

    def test_spawn_works_after_the_wire_attacks(self):
        pid = self.kernel_pid()
        self.assert_spawn_works()  # the runtime and its hub are up
        jupyter = {v for k, v in self.km.get_connection_info().items() if k.endswith("_port")}
        ports = sorted(listening_ports(pid) - jupyter)
        self.assertTrue(ports, "the runtime's hub listens besides the Jupyter ports")
        self.assertLessEqual(len(ports), 8, ports)  # bounded: the hub's two ROUTERs, a channel listener
        print("kernel %d: attacking ports %s (Jupyter's: %s)" % (pid, ports, sorted(jupyter)), file=sys.stderr)
        for port in ports:
            self.huge_frame(port)
            self.flood_from_a_dealer(port)
            self.idle_connections(port)
            self.random_bytes(port)
        self.assertTrue(self.km.is_alive(), "the kernel survived the attacks")
        self.assert_spawn_works()
        self.assertEqual(self.value("1 + 1"), "2")
        self.assertTrue(jmp_client.tagged(pid) and self.km.is_alive(), "the kernel still runs")

    def huge_frame(self, port):
        """(a) A NULL greeting, READY as a DEALER, then a frame header declaring 1 GiB."""
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
        except OSError:
            return  # not accepting: what counts is that %%spawn works afterwards
        with s:
            try:
                s.sendall(greeting_null())
                s.sendall(ready_dealer())
                s.sendall(huge_frame_header())
            except OSError:
                return  # refused at the greeting already
            drain_until_closed(s, 3)

    def flood_from_a_dealer(self, port):
        """(b) DEALERs with a random identity (one without credentials, one with a guessed PLAIN
        token) queue 300 x 1 MiB each; what the kernel may accept of it is what is bounded."""
        ctx = zmq.Context()
        try:
            for plain in (False, True):
                dealer = ctx.socket(zmq.DEALER)
                dealer.setsockopt(zmq.IDENTITY, os.urandom(16))
                dealer.setsockopt(zmq.SNDHWM, 1000)
                dealer.setsockopt(zmq.LINGER, 0)
                if plain:
                    dealer.setsockopt(zmq.PLAIN_USERNAME, b"w1-0123456789abcdef")
                    dealer.setsockopt(zmq.PLAIN_PASSWORD, os.urandom(16).hex().encode())
                dealer.connect("tcp://127.0.0.1:%d" % port)
                chunk = os.urandom(1 << 20)
                for _ in range(300):
                    try:
                        dealer.send(chunk, zmq.NOBLOCK)
                    except zmq.Again:
                        break
                time.sleep(2)  # part of the attack: give the connection time to push
                dealer.close(0)
        finally:
            ctx.term()

    def idle_connections(self, port):
        """(c) 200 TCP connections that send nothing, held open for a few seconds."""
        held = []
        try:
            for _ in range(200):
                try:
                    held.append(socket.create_connection(("127.0.0.1", port), timeout=10))
                except OSError:
                    break  # refused: a bound at work
            time.sleep(3)  # part of the attack: hold them
        finally:
            for s in held:
                s.close()

    def random_bytes(self, port):
        """(d) Random bytes, a few times."""
        for _ in range(5):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=10)
            except OSError:
                return  # not accepting (its backlog is full): what counts is that %%spawn works
            with s:
                try:
                    s.sendall(os.urandom(64 * 1024))
                except OSError:
                    continue
                drain_until_closed(s, 1)


if __name__ == "__main__":
    unittest.main()
