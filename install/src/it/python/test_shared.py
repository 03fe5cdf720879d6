"""%%shared through a real Jupyter client: objects declared in one cell are live references in
later %%spawn and %%pool bodies, updated atomically, and the %%shared cell's table follows their
values while other cells run."""
import re
import time
import unittest
from queue import Empty

import jmp_client


def tickets_in(table):
    """The value of `tickets` in the text form of the %%shared table."""
    return int(re.search(r"tickets\s+SharedCounter\s+(-?\d+)", table).group(1))


class SharedTest(jmp_client.KernelTestCase):

    def test_workers_share_live_objects_and_the_table_follows_them(self):
        _, msgs = self.run_ok("%%shared\nSharedCounter tickets = counter(60);\nSharedMap<String, Integer> sold = map();\n"
                              "var done = event();")
        shared_parent = msgs[0]["parent_header"]["msg_id"]
        table = [m["content"] for m in msgs if m["msg_type"] == "display_data"][-1]
        display_id = table["transient"]["display_id"]
        self.assertRegex(table["data"]["text/plain"], r"tickets\s+SharedCounter\s+60")
        self.assertRegex(table["data"]["text/plain"], r"done\s+SharedEvent\s+clear")
        self.assertIn("<table", table["data"]["text/html"])
        # Once fewer than 30 tickets are left, the workers wait for a file the test creates only
        # after the table has shown such an intermediate value: it must, whatever the timing.
        gate = jmp_client.release_file()
        msg_id = self.kc.execute("%%%%spawn -n 3\nwhile (tickets.decrementAndGet() >= 0) {\n"
                                 "    sold.merge(Worker.name(), 1, Integer::sum);\n"
                                 "    if (tickets.get() < 30) { %s }\n    Thread.sleep(25);\n}\n"
                                 "done.set();\nreturn sold.get(Worker.name());" % jmp_client.await_file(gate))
        seen = []
        released = finished = False
        deadline = time.time() + 4 * jmp_client.TIMEOUT
        while time.time() < deadline and not (finished and seen and "-3" in seen[-1]):
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except Empty:
                continue
            parent = msg["parent_header"].get("msg_id")
            if parent == msg_id and msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                self.assertTrue(released, "the cell ended while the workers waited")
                finished = True
            if parent == shared_parent and msg["msg_type"] == "update_display_data":
                self.assertEqual(msg["content"]["transient"]["display_id"], display_id)
                seen.append(msg["content"]["data"]["text/plain"])
                if not released and 0 < tickets_in(seen[-1]) < 30:
                    jmp_client.release(gate)
                    released = True
        if not released:
            jmp_client.release(gate)
            self.fail("the table never showed fewer than 30 tickets while the workers waited: %s" % seen)
        reply = jmp_client.shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        counts = [tickets_in(s) for s in seen]
        self.assertGreaterEqual(len(counts), 2, "the table was updated while the workers ran: %s" % seen)
        self.assertEqual(counts, sorted(counts, reverse=True), "tickets only go down: %s" % counts)
        self.assertTrue(any(0 < c < 60 for c in counts), "an intermediate value was shown: %s" % counts)
        self.assertRegex(seen[-1], r"done\s+SharedEvent\s+set")
        self.assertEqual(self.value("sold.values().stream().mapToInt(Integer::intValue).sum()"), "60",
                         "every ticket sold exactly once")
        self.assertEqual(self.value("tickets.get()"), "-3")

    def test_pool_bodies_see_shared_objects_and_bad_declarations_are_named(self):
        self.run_ok("%%shared\nSharedList<Integer> seen = list();")
        self.run_ok("%%pool --over List.of(1, 2, 3) --as x -n 2\nseen.add(x * 10);\nreturn x;")
        self.assertEqual(self.value("new java.util.TreeSet<>(seen.snapshot())"), "[10, 20, 30]")
        content, _ = jmp_client.execute(self.kc, "%%shared\nint plain = 1;")
        self.assertEqual(content["status"], "error")
        self.assertIn("no declaration initialized by a factory", content["evalue"])
        content, _ = jmp_client.execute(self.kc, "%%shared\nSharedCounter c = counter(\"x\");")
        self.assertEqual(content["ename"], "CompilationError")
        self.assertTrue(content["evalue"].startswith("line 2"), content["evalue"])

    def test_array_factories_reach_spawn_bodies(self):
        _, msgs = self.run_ok("%%shared\nSharedIntArray slots = intArray(3);\nSharedDoubleArray sums = doubleArray(2);")
        table = [m["content"] for m in msgs if m["msg_type"] == "display_data"][-1]
        self.assertRegex(table["data"]["text/plain"], r"slots\s+SharedIntArray")
        self.run_ok("%%spawn -n 3\nint me = Worker.index();\nslots.addAndGet(me, me + 1);\n"
                    "sums.addAndGet(0, 0.5);\nreturn me;")
        self.assertEqual(self.value("java.util.Arrays.toString(slots.toArray())"), "[1, 2, 3]")
        self.assertEqual(self.value("sums.get(0)"), "1.5")


if __name__ == "__main__":
    unittest.main()
