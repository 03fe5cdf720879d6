"""A real browser on the classic Jupyter Notebook: headless Chromium creates a notebook with the
installed jmp kernel from the New menu, types and runs a %%pool cell and a %%spawn --bg cell, and
checks in the page that the pool's progress reaches 100% with every item's output in the cell, and
that the --bg cell keeps receiving output after it finished. Each check saves a screenshot in
install/target/browser-artifacts/. Afterwards the notebook server, the kernel, its workers,
chromedriver and Chromium must all be gone."""
import glob
import os
import re
import shutil
import unittest

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import browser_session
import jmp_client

REPO = os.environ.get("JMP_REPO", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
ARTIFACTS = os.path.join(os.path.abspath(REPO), "install", "target", "browser-artifacts")
CELLS = "#notebook-container .cell"

POOL = ("%%pool --over java.util.stream.IntStream.range(0, 20).boxed().toList() --as i -n 2\n"
        "Thread.sleep(100);\n"
        "System.out.println(\"square of \" + i + \" is \" + i * i);\n"
        "return i * i;")
# One line per block: CodeMirror closes brackets as they are typed, so a `}` typed on a later line
# would be doubled. After tick 3 the run waits for a file (its path replaces the %s), which the test
# creates once it has seen the finished cell with some lines: more lines then arrive after the cell
# finished, whatever the timing.
SPAWN = ("%%%%spawn --bg --name ticker\n"
         "for (int k = 1; k <= 10; k++) { System.out.println(\"tick \" + k); "
         "if (k == 3) { while (!java.nio.file.Files.exists(java.nio.file.Path.of(\"%s\"))) Thread.sleep(20); } "
         "Thread.sleep(30); }\n"
         "return \"ticked\";")
# Waits in the page are hang detectors, wide enough for a loaded machine.
WAIT = 300  # a hang detector, like every positive wait of the suite


class BrowserTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        for old in glob.glob(os.path.join(ARTIFACTS, "*.png")):
            os.remove(old)
        cls.root, cls.tag = browser_session.new_root()
        cls.server = cls.driver = None
        cls.seen = {}
        try:
            cls.server = browser_session.NotebookServer(cls.root, cls.tag)
            cls.driver = browser_session.start_chromium(cls.root, cls.tag)
            cls.open_new_jmp_notebook()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def until(cls, timeout, condition, describe):
        """Waits (polling the page every 0.1 s) until condition() is truthy and returns its value;
        on timeout fails with describe(), evaluated then."""
        try:
            return WebDriverWait(cls.driver, timeout, poll_frequency=0.1).until(lambda _: condition())
        except TimeoutException:
            shot = os.path.join(ARTIFACTS, "timeout-%d.png" % len(glob.glob(os.path.join(ARTIFACTS, "timeout-*.png"))))
            cls.driver.save_screenshot(shot)
            raise AssertionError("after %d s: %s (screenshot: %s)" % (timeout, describe(), shot)) from None

    @classmethod
    def open_new_jmp_notebook(cls):
        d = cls.driver
        d.get(cls.server.url + "tree?token=" + cls.server.token)
        button = cls.until(WAIT, lambda: d.find_element(By.ID, "new-dropdown-button"), lambda: "no New button")
        cls.until(WAIT, button.is_displayed, lambda: "the New button is not shown")
        before = set(d.window_handles)
        button.click()
        entry = cls.until(WAIT, lambda: d.find_element(By.CSS_SELECTOR, "#new-menu #kernel-jmp a"),
                          lambda: "the New menu does not list the jmp kernel: "
                          + d.find_element(By.ID, "new-menu").text)
        assert entry.text.strip() == "Java (jmp)", "the New menu lists the kernel as %r" % entry.text
        entry.click()
        handle = cls.until(WAIT, lambda: set(d.window_handles) - before, lambda: "no notebook window opened").pop()
        d.switch_to.window(handle)
        cls.until(WAIT, lambda: d.find_element(By.CSS_SELECTOR, ".kernel_indicator_name").text == "Java (jmp)",
                  lambda: "the notebook does not show the Java (jmp) kernel")
        # Ready: connected, and the kernel answered kernel_info (the page's own readiness state).
        cls.until(WAIT, lambda: d.execute_script("var k = Jupyter.notebook.kernel; return !!(k && k.is_connected()"
                                               " && k.info_reply && k.info_reply.implementation)"),
                  lambda: "the jmp kernel did not start; notebook server log:\n" + cls.server.log())
        cls.wait_idle(WAIT)

    @classmethod
    def kernel_idle(cls):
        return "kernel_idle_icon" in cls.driver.find_element(By.ID, "kernel_indicator_icon").get_attribute("class")

    @classmethod
    def wait_idle(cls, timeout):
        cls.until(timeout, cls.kernel_idle, lambda: "the kernel is not idle: "
                  + cls.driver.find_element(By.ID, "kernel_indicator_icon").get_attribute("title"))

    @classmethod
    def tearDownClass(cls):
        try:
            cls.stop_everything()
        finally:
            shutil.rmtree(cls.root, ignore_errors=True)

    @classmethod
    def stop_everything(cls):
        """Halts the kernel and the server, closes the browser, then checks every process the test
        started (and their children) is gone; kills and names any that is not."""
        cls.note_processes()
        problems = []
        try:
            if cls.server:
                problems += cls.server.stop()
        finally:
            if cls.driver:
                cls.driver.quit()
        alive = browser_session.wait_gone(cls.tag, cls.seen, 60)
        counts = {}
        for _, cmd in cls.seen.values():
            kind = browser_session.kind(cmd)
            counts[kind] = counts.get(kind, 0) + 1
        print("\nprocesses the test started: %s; %s; screenshots in %s"
              % (", ".join("%d %s" % (n, k) for k, n in sorted(counts.items())),
                 "%d still running" % len(alive) if alive else "all gone", ARTIFACTS))
        if alive:
            problems.append(jmp_client.kill_leftovers(alive))
        if problems and cls.server:
            problems.append("notebook server log:\n" + cls.server.log())
        assert not problems, "\n".join(problems)

    @classmethod
    def note_processes(cls):
        """Remembers the processes the test started so far, to check they are gone at the end."""
        cls.seen.update(browser_session.started_by(cls.tag))

    # ---- helpers -------------------------------------------------------------------------

    def cell(self, index):
        return self.driver.find_elements(By.CSS_SELECTOR, CELLS)[index]

    def type_and_run(self, code):
        """Types code into the last (empty) cell and runs it with Shift-Enter; returns its index."""
        d = self.driver
        index = len(d.find_elements(By.CSS_SELECTOR, CELLS)) - 1
        self.assertEqual(d.execute_script("return Jupyter.notebook.get_cell(arguments[0]).get_text()", index), "")
        self.cell(index).find_element(By.CSS_SELECTOR, ".CodeMirror").click()
        d.switch_to.active_element.send_keys(code)
        typed = d.execute_script("return Jupyter.notebook.get_cell(arguments[0]).get_text()", index)
        self.assertEqual([l.strip() for l in typed.splitlines()], [l.strip() for l in code.splitlines()],
                         "the cell holds what was typed")
        ActionChains(d).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        return index

    def prompt(self, index):
        return self.cell(index).find_element(By.CSS_SELECTOR, ".input_prompt").text.replace("\xa0", " ").strip()

    def finished(self, index):
        """Whether the cell shows its execution count (In [n]:, not In [*]:) and the kernel is idle."""
        return re.fullmatch(r"In \[\d+\]:", self.prompt(index)) is not None and self.kernel_idle()

    def wait_finished(self, index, timeout):
        def done():
            self.note_processes()  # while it runs, to see its workers
            return self.finished(index)
        self.until(timeout, done, lambda: "cell %d did not finish: %s\n%s"
                   % (index, self.prompt(index), self.output_text(index)))

    def output_text(self, index):
        return self.cell(index).find_element(By.CSS_SELECTOR, ".output").text

    def screenshot(self, name):
        path = os.path.join(ARTIFACTS, name)
        self.driver.save_screenshot(path)
        print("\nscreenshot: %s" % path)

    # ---- checks --------------------------------------------------------------------------

    def test_1_pool_progress_reaches_100_percent_and_item_outputs_show_in_the_cell(self):
        index = self.type_and_run(POOL)
        self.wait_finished(index, WAIT)
        cell = self.cell(index)
        progress = self.until(WAIT, lambda: [p for p in cell.find_elements(By.CSS_SELECTOR, ".output_area .jmp-progress")
                                           if "20/20 (100%)" in p.text],
                              lambda: "the progress display never showed 20/20 (100%): " + self.output_text(index))
        self.assertEqual(len(cell.find_elements(By.CSS_SELECTOR, ".jmp-progress")), 1, "one display, updated in place")
        self.assertIn("0 failed - done", progress[0].text)
        bar = progress[0].find_element(By.CSS_SELECTOR, ":scope > div > div")
        self.assertIn("width: 100%", bar.get_attribute("style"))
        text = self.output_text(index)
        for i in range(20):
            self.assertIn("[%d] square of %d is %d" % (i, i, i * i), text)
        result = self.type_and_run("results")
        self.wait_finished(result, WAIT)
        self.assertIn(str([i * i for i in range(20)]), self.output_text(result))
        self.driver.execute_script("arguments[0].scrollIntoView()", cell)
        self.screenshot("pool-progress-100.png")

    def test_2_spawn_bg_output_keeps_arriving_after_the_cell_finished(self):
        gate = os.path.join(self.root, "release-ticks")
        index = self.type_and_run(SPAWN % gate)
        self.wait_finished(index, WAIT)

        def ticks():
            return len(re.findall(r"tick \d+", self.output_text(index)))

        # First moment: the cell has finished and some, not all, of its lines are there.
        self.until(WAIT, lambda: ticks() > 0, lambda: "no line arrived: " + self.output_text(index))
        first = ticks()
        self.assertTrue(self.finished(index), "the cell is finished while its output arrives")
        self.assertLessEqual(first, 3, "the run waits after its third line")
        self.screenshot("spawn-bg-finished-%d-lines.png" % first)
        # Second moment: more lines have arrived in the same cell, which is still finished.
        open(gate, "w").close()
        self.until(WAIT, lambda: ticks() == 10 and "ticked" in self.output_text(index),
                   lambda: "the run did not end with 10 lines and its summary: " + self.output_text(index))
        later = ticks()
        self.assertTrue(self.finished(index), "the cell stays finished")
        self.assertGreater(later, first)
        self.assertEqual(self.prompt(index), "In [%d]:" % (index + 1))
        print("\n--bg cell: %d lines shown after it finished, %d later" % (first, later))
        self.screenshot("spawn-bg-later-%d-lines.png" % later)


if __name__ == "__main__":
    unittest.main()
