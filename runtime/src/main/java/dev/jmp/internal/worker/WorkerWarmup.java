package dev.jmp.internal.worker;

import dev.jmp.function.SerialCallable;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.message.RunTasks;
import dev.jmp.internal.wire.message.TaskKind;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskResults;
import dev.jmp.internal.wire.message.TaskSpec;
import dev.jmp.internal.wire.message.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs, once and off the task thread, what a first task runs: the codec, value encoding, lambda
 * deserialization, a sample task. Classes get loaded and initialized before a task needs them,
 * so the first real task does not pay for it. The sample also trains the class-data sharing
 * archive.
 */
public final class WorkerWarmup {

    private WorkerWarmup() {
    }

    /** A task made of the classes real tasks use; it lives in the runtime jar, so it is archived. */
    public static SerialCallable<Object> sample() {
        return () -> {
            List<Object> out = new ArrayList<>(List.of(1, 2L, 3.0, "four", new int[] {5}, new double[] {6}));
            out.add(Map.of("k", List.of(7)));
            try {
                throw new IllegalStateException("sample");
            } catch (IllegalStateException e) {
                out.add(e.getMessage());
            }
            return out;
        };
    }

    private static final java.util.concurrent.CountDownLatch HELLO = new java.util.concurrent.CountDownLatch(1);

    /** The worker said hello: warming up no longer delays its connection. */
    static void helloSent() {
        HELLO.countDown();
    }

    /** Waits until the worker has connected, then warms up. */
    static void awaitHelloThenRun() {
        try {
            HELLO.await();
        } catch (InterruptedException e) {
            return;
        }
        run();
    }

    /** Exercises the hot paths; failures are ignored (this is only an optimization). */
    static void run() {
        try {
            WireCodec codec = WireCodec.standard();
            byte[] body = codec.encodeBody(new RunTasks(List.of(new TaskSpec(1, 1, 0, 1, "k", 0, 1, TaskKind.CALL, false))));
            codec.decodeBody(RunTasks.class, body);
            codec.decodeBody(TaskResults.class, codec.encodeBody(new TaskResults(List.of(
                    new TaskOutcome(1, TaskStatus.OK, 1, 0, false, null)))));
            byte[] fn = Values.encode(sample(), "task");
            @SuppressWarnings("unchecked")
            SerialCallable<Object> task = (SerialCallable<Object>) Values.decode(fn, WorkerWarmup.class.getClassLoader());
            Object r = task.call();
            new ValueList.Reader(new ValueList.Writer().addValue(r, TaskExecutor.RESULT).frames(), 0);
        } catch (Exception | LinkageError e) {
            // a failed warm-up only means a slower first task
        }
    }
}
