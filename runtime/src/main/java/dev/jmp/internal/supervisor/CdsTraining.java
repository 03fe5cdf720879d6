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
 * The training worker behind a class archive: a worker started in the archive's training mode
 * (see {@link ArchiveOptions#train}) runs a task that touches what real tasks touch (lambda
 * deserialization, values, lists, output, exceptions), then exits so the JVM writes what it
 * recorded: the archive itself before Java 25, the configuration that {@link AotAssembly} turns
 * into the ahead-of-time cache on 25 and later. Its output is dropped: the JVM reports on stdout.
 */
final class CdsTraining implements WorkerOwner {

    private final CdsArchive.Target target;
    private final Path tmp;
    private final List<Path> classpath;
    private final AotAssembly assembly;
    private int outcomes;

    private CdsTraining(CdsArchive.Target target, Path tmp, List<Path> classpath, AotAssembly assembly) {
        this.target = target;
        this.tmp = tmp;
        this.classpath = classpath;
        this.assembly = assembly;
    }

    static void start(Supervisor supervisor, CdsArchive.Target target, Path tmp, List<Path> classpath, AotAssembly assembly) {
        CdsTraining owner = new CdsTraining(target, tmp, classpath, assembly);
        WorkerHandle w = supervisor.spawn(new WorkerOptions(ArchiveOptions.train(target.aot(), owner.recording()), Map.of(),
                target.jdk().home()), owner, false);
        w.assign(0, "jmp-cds-training");
        List<Dispatch> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(new Dispatch(supervisor.nextId(), 0, 0, 1, TaskKind.CALL, false, ShippedFunction.ofRuntime(dev.jmp.internal.worker.WorkerWarmup.sample(), "task"),
                    new ValueList.Writer().add(ValueList.VALUE, Values.encode(null, "args")).frames()));
        }
        w.run(tasks);
    }

    /** What the training JVM writes: the archive, or the ahead-of-time configuration. */
    private Path recording() {
        return target.aot() ? tmp.resolveSibling(tmp.getFileName() + ".conf") : tmp;
    }

    @Override
    public synchronized void onOutcome(TaskWorker worker, TaskOutcome outcome, List<byte[]> frames) {
        if (++outcomes == 3) {
            worker.shutdown(0);
        }
    }

    @Override
    public boolean internal() {
        return true;
    }

    @Override
    public void onExit(TaskWorker worker, WorkerExit exit) {
        if (!target.aot()) {
            CdsArchive.install(tmp, exit.exitCode() == 0 ? target.file() : tmp);
        } else if (exit.exitCode() == 0) {
            assembly.assemble(target.jdk(), recording(), tmp, target.file(), classpath);
        } else {
            CdsArchive.install(recording(), recording());
        }
    }
}
