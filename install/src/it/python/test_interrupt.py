"""Must-show 4: interrupting `while (true) {}`, `Thread.sleep` and a shell command ends the cell
with an error reply, and the next cell works. How long the interrupt took is printed, not asserted
(a loaded machine is slower); the cells would otherwise run for ten minutes, far beyond the wait."""
import time
import unittest

import jmp_client


class InterruptTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = jmp_client.start()
        content, _ = jmp_client.execute(cls.kc, "1 + 1")  # JShell warmed up
        assert content["status"] == "ok"

    @classmethod
    def tearDownClass(cls):
        jmp_client.stop(cls.km, cls.kc)

    def interrupt(self, code):
        """Runs code, which prints `running` and then blocks, and interrupts it once that line is in."""
        msg_id = self.kc.execute(code)
        while True:
            msg = self.kc.get_iopub_msg(timeout=jmp_client.TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "running" in msg["content"]["text"]):
                break
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = jmp_client.shell_reply(self.kc, msg_id, timeout=jmp_client.TIMEOUT)
        elapsed = time.monotonic() - start
        self.assertEqual(reply["content"]["status"], "error", reply["content"])
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        print("%s interrupted in %.3fs" % (code.splitlines()[-1], elapsed))
        jmp_client.collect(self.kc, msg_id)
        content, msgs = jmp_client.execute(self.kc, "1 + 1")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "2"})

    def test_busy_loop(self):
        self.interrupt('System.out.println("running");\nwhile (true) {}')

    def test_sleep(self):
        self.interrupt('System.out.println("running");\nThread.sleep(600_000);')

    def test_shell_command(self):
        self.interrupt("%sh echo running; sleep 600")


if __name__ == "__main__":
    unittest.main()
