package dev.jmp.internal.supervisor;

import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.internal.wire.message.TaskOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training worker behind the class-data sharing archive: a worker started with
 * {@code -XX:ArchiveClassesAtExit} runs a task that touches what real tasks touch (lambda
 * deserialization, values, lists, output, exceptions), then exits so the JVM writes the archive.
 */
final class CdsTraining implements WorkerOwner {

    private final Path tmp;
    private final Path archive;

    private CdsTraining(Path tmp, Path archive) {
        this.tmp = tmp;
        this.archive = archive;
    }

    static void start(Supervisor supervisor, Path tmp, Path archive) {
        CdsTraining owner = new CdsTraining(tmp, archive);
        WorkerHandle w = supervisor.spawn(new WorkerOptions(List.of("-XX:ArchiveClassesAtExit=" + tmp,
                CdsArchive.QUIET, CdsArchive.QUIET_DYNAMIC), Map.of()),
                owner, false);
        w.assign(0, "jmp-cds-training");
        List<Dispatch> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(new Dispatch(supervisor.nextId(), 0, 0, 1, TaskKind.CALL, false, ShippedFunction.ofRuntime(dev.jmp.internal.worker.WorkerWarmup.sample(), "task"),
                    new ValueList.Writer().add(ValueList.VALUE, Values.encode(null, "args")).frames()));
        }
        w.run(tasks);
    }

    private int outcomes;

    @Override
    public synchronized void onOutcome(TaskWorker worker, TaskOutcome outcome, List<byte[]> frames) {
        if (++outcomes == 3) {
            worker.shutdown(0);
        }
    }

    @Override
    public void onExit(TaskWorker worker, WorkerExit exit) {
        if (exit.exitCode() == 0) {
            CdsArchive.install(tmp, archive);
        } else {
            CdsArchive.install(tmp, tmp);
        }
    }
}
