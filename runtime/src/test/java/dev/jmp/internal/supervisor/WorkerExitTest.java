package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jmp.launch.ExitCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerExitTest {

    @Test
    void aWorkerJmpGaveUpOnIsExplainedInWordsWithItsSignal() {
        WorkerExit e = new WorkerExit(-9, List.of(), "jmp killed it: it sent nothing for 20000 ms", false, null);
        assertEquals("jmp killed it: it sent nothing for 20000 ms; killed by signal 9 (SIGKILL)", e.jmpReason());
        assertEquals(e.jmpReason(), e.describe());
    }

    @Test
    void aWorkersOwnDecisionToLeaveIsExplainedByTheLineItWrote() {
        WorkerExit e = new WorkerExit(ExitCodes.PARENT_SILENT, List.of("some output",
                "jmp worker exiting: no message from the parent for 10008 ms"), null, false, null);
        assertEquals("no message from the parent for 10008 ms; " + ExitCodes.describe(ExitCodes.PARENT_SILENT),
                e.jmpReason());
        assertEquals(ExitCodes.describe(ExitCodes.MESSAGES_LOST),
                new WorkerExit(ExitCodes.MESSAGES_LOST, List.of(), null, false, null).jmpReason());
    }

    @Test
    void stopsSomeoneAskedForAndExitsOfItsOwnAreNoFailureOfJmps() {
        WorkerExit asked = new WorkerExit(-15, List.of(), "it was terminated through Process.terminate()", true, null);
        assertNull(asked.jmpReason());
        assertEquals("it was terminated through Process.terminate(); killed by signal 15 (SIGTERM)", asked.describe());
        assertNull(new WorkerExit(3, List.of(), null, false, null).jmpReason());
        assertNull(new WorkerExit(-9, List.of(), null, false, null).jmpReason());
        assertNull(new WorkerExit(0, List.of(), "jmp killed it: it sent nothing for 1 ms", false, null).jmpReason());
    }
}
