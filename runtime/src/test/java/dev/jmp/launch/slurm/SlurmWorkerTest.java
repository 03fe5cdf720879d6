package dev.jmp.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which of srun's lines say that a node lacks this machine's java or jars (seen from a real srun). */
class SlurmWorkerTest {

    @Test
    void aMissingJavaOrJarOnTheNodeIsRecognised() {
        assertTrue(SlurmWorker.missingOnNode(
                "slurmstepd-localhost: error: execve(): /usr/lib/jvm/x/bin/java: No such file or directory"));
        assertTrue(SlurmWorker.missingOnNode("slurmstepd: error: execve(): /opt/jdk/bin/java: Permission denied"));
        assertTrue(SlurmWorker.missingOnNode("Error: Could not find or load main class dev.jmp.internal.worker.WorkerMain"));
        assertTrue(SlurmWorker.missingOnNode("Caused by: java.lang.ClassNotFoundException: dev.jmp.internal.worker.WorkerMain"));
        assertTrue(SlurmWorker.missingOnNode("Exception in thread \"main\" java.lang.NoClassDefFoundError: dev/jmp/internal/wire/Link"));
    }

    @Test
    void otherLinesAreNot() {
        assertFalse(SlurmWorker.missingOnNode("srun: error: localhost: task 0: Exited with exit code 2"));
        assertFalse(SlurmWorker.missingOnNode("Caused by: java.lang.ClassNotFoundException: com.example.Mine"));
        assertFalse(SlurmWorker.missingOnNode("execve(): in the user's own output"));
    }

    @Test
    void theHintNamesTheLimitAndTheJava() {
        String hint = SlurmWorker.notOnNodeHint("job 12", "/opt/jdk/bin/java");
        assertTrue(hint.startsWith("slurm: the node of job 12 could not start the worker"), hint);
        assertTrue(hint.contains("copies no java,") && hint.contains("(/opt/jdk/bin/java)"), hint);
        assertTrue(hint.contains("at the same path"), hint);
    }
}
