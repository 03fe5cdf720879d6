"""Must-show 4: interrupting `while (true) {}` and `Thread.sleep` ends the cell with an error
reply within 3 s, and the next cell works."""
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
        msg_id = self.kc.execute(code)
        # Wait until the kernel has started the cell (execute_input), then give it time to run.
        while True:
            msg = self.kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        time.sleep(0.5)
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = jmp_client.shell_reply(self.kc, msg_id, timeout=10)
        elapsed = time.monotonic() - start
        self.assertEqual(reply["content"]["status"], "error", reply["content"])
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertLess(elapsed, 3.0, "interrupt took %.2fs" % elapsed)
        print("%s interrupted in %.3fs" % (code, elapsed))
        jmp_client.collect(self.kc, msg_id)
        content, msgs = jmp_client.execute(self.kc, "1 + 1")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(jmp_client.result_of(msgs), {"text/plain": "2"})

    def test_busy_loop(self):
        self.interrupt("while (true) {}")

    def test_sleep(self):
        self.interrupt("Thread.sleep(60000);")

    def test_shell_command(self):
        self.interrupt("%sh sleep 60")


if __name__ == "__main__":
    unittest.main()
