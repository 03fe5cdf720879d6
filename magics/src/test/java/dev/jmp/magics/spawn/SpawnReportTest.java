package dev.jmp.magics.spawn;

import dev.jmp.error.RemoteException;
import dev.jmp.magics.CellFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(300)
class SpawnReportTest {

    private static final RemoteException BOOM = new RemoteException("REPL.$JShell$12$BadInput", "BadInput", "no",
            new StackTraceElement[] {new StackTraceElement("REPL.$JShell$13", "lambda$do_it$$0", "x", 3)}, null);

    private static WorkerOutcome ok(int i, Object value) {
        return new WorkerOutcome(i, "run-" + i, 100 + i, 0, 1250, value, ValueText.of(value), null, List.of());
    }

    private static List<String> fakeTrace(Throwable t) {
        return List.of("TRACE " + ((RemoteException) t).remoteClassName());
    }

    @Test
    void summaryListsEveryWorker() {
        WorkerOutcome failed = new WorkerOutcome(1, "run-1", 101, 1, 900, null, "null", BOOM, List.of());
        WorkerOutcome exited = new WorkerOutcome(2, "run-2", 102, -9, 30, null, "null", null, List.of("x"));
        String text = SpawnReport.summary("run", List.of(ok(0, "hi"), failed, exited), 1300).text();
        assertEquals("""
                run: 3 workers, 1 ok, 2 failed, 1.30 s
                worker  name   pid  exit  time    result
                w0      run-0  100  0     1.25 s  "hi"
                w1      run-1  101  1     0.90 s  failed: BadInput: no
                w2      run-2  102  -9    0.03 s  killed by SIGKILL
                """, text);
    }

    @Test
    void noFailureWhenAllSucceeded() {
        assertNull(SpawnReport.failure("run", List.of(ok(0, 1), ok(1, 2)), null, -1, SpawnReportTest::fakeTrace));
    }

    @Test
    void oneExceptionNamesItsClassAndShowsItsTrace() {
        WorkerOutcome failed = new WorkerOutcome(1, "run-1", 101, 1, 900, null, "null", BOOM, List.of());
        CellFailure f = SpawnReport.failure("run", List.of(ok(0, 1), failed), null, -1, SpawnReportTest::fakeTrace);
        assertEquals("BadInput", f.errorName());
        assertEquals("w1 (run-1) failed: BadInput: no", f.getMessage());
        assertEquals(List.of("w1 (run-1, pid 101) failed:", "TRACE REPL.$JShell$12$BadInput"), f.traceback());
    }

    @Test
    void exitCodesShowTheLastStderrLines() {
        WorkerOutcome exited = new WorkerOutcome(0, "run", 100, 3, 10, null, "null", null, List.of("bye", "really"));
        CellFailure f = SpawnReport.failure("run", List.of(exited), null, -1, SpawnReportTest::fakeTrace);
        assertEquals("WorkerFailed", f.errorName());
        assertEquals("w0 (run) ended with exit code 3", f.getMessage());
        assertEquals(List.of("w0 (run, pid 100) ended with exit code 3; its last stderr lines:", "    bye", "    really"),
                f.traceback());
    }

    @Test
    void timeoutAndInterruptSayWhy() {
        WorkerOutcome killed = new WorkerOutcome(0, "run", 100, -15, 2000, null, "null", null, List.of());
        CellFailure timeout = SpawnReport.failure("run", List.of(killed), "timeout", 2, SpawnReportTest::fakeTrace);
        assertEquals("Timeout", timeout.errorName());
        assertEquals("run did not finish within --timeout 2.00 s: its running workers were terminated",
                timeout.getMessage());
        assertEquals("w0 (run, pid 100) was killed by SIGTERM", timeout.traceback().get(2));
        assertEquals("Interrupted", SpawnReport.failure("run", List.of(killed), "interrupted", -1,
                SpawnReportTest::fakeTrace).errorName());
    }

    @Test
    void valuesAreShortAndOnOneLine() {
        assertEquals("\"a\\nb\"", ValueText.of("a\nb"));
        assertEquals("[1, 2]", ValueText.of(new int[] {1, 2}));
        assertEquals("[x, [y]]", ValueText.of(new Object[] {"x", new String[] {"y"}}));
        assertEquals(ValueText.MAX, ValueText.of("z".repeat(500)).length());
        assertEquals("null", ValueText.of(null));
    }
}
