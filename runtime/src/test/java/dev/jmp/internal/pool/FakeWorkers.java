package dev.jmp.internal.pool;

import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.supervisor.Dispatch;
import dev.jmp.internal.supervisor.RuntimeMember;
import dev.jmp.internal.supervisor.TaskWorker;
import dev.jmp.internal.supervisor.TaskWorkers;
import dev.jmp.internal.supervisor.WorkerExit;
import dev.jmp.internal.supervisor.WorkerOptions;
import dev.jmp.internal.supervisor.WorkerOwner;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskStatus;
import dev.jmp.internal.worker.ItemProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Workers without JVMs, for driving a {@link PoolScheduler} by hand: a test connects them, answers
 * their tasks (each item's value times ten, or an error), kills them, and runs the timers the
 * scheduler set, each when it chooses.
 */
final class FakeWorkers implements TaskWorkers {

    /** What a fake chunk takes to run, as the outcome reports it (long enough to keep credit at its minimum). */
    static final long CHUNK_NANOS = 50_000_000;

    final List<Worker> started = new ArrayList<>();
    final List<RuntimeMember> members = new ArrayList<>();
    final List<Runnable> timers = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    boolean closed;
    /** When set, starts fail as a launch to a cut-off host does. */
    String refuse;
    /** With {@link #refuse}: how many workers still start before starts fail. */
    int refuseAfter;
    private long ids;

    @Override
    public Worker acquire(WorkerOptions options, WorkerOwner owner) {
        if (closed) {
            throw new IllegalStateException("the jmp runtime was shut down");
        }
        if (refuse != null && started.size() >= refuseAfter) {
            throw new java.io.UncheckedIOException(new java.io.IOException(refuse));
        }
        Worker w = new Worker(owner, 1000 + started.size());
        started.add(w);
        return w;
    }

    @Override
    public long nextId() {
        return ++ids;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void addMember(RuntimeMember m) {
        members.add(m);
    }

    @Override
    public void removeMember(RuntimeMember m) {
        members.remove(m);
    }

    @Override
    public void schedule(Runnable r, long delayMillis) {
        timers.add(r);
        delays.add(delayMillis);
    }

    /** Runs the timers set so far, as if their delays had passed. */
    void fireTimers() {
        List<Runnable> due = new ArrayList<>(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    /** One fake worker: what it was sent, and buttons for what it does. */
    static final class Worker implements TaskWorker {
        final WorkerOwner owner;
        final long pid;
        final CompletableFuture<Worker> ready = new CompletableFuture<>();
        final List<Dispatch> received = new ArrayList<>();
        final List<Dispatch> running = new ArrayList<>();
        final List<Long> cancelled = new ArrayList<>();
        String name;
        int index = -1;
        boolean killed;
        Integer shutdownCode;

        Worker(WorkerOwner owner, long pid) {
            this.owner = owner;
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CompletableFuture<Worker> ready() {
            return ready;
        }

        @Override
        public void assign(int newIndex, String newName) {
            index = newIndex;
            name = newName;
        }

        @Override
        public void run(List<Dispatch> tasks) {
            received.addAll(tasks);
            running.addAll(tasks);
        }

        @Override
        public void cancel(List<Long> taskIds) {
            cancelled.addAll(taskIds);
        }

        @Override
        public void shutdown(int exitCode) {
            shutdownCode = exitCode;
        }

        @Override
        public void kill() {
            killed = true;
        }

        @Override
        public void stop(String reason, boolean force) {
            killed = true;
        }

        /** Connects (the scheduler then sends it work). */
        void connect() {
            ready.complete(this);
        }

        /** The first task it holds and has not answered. */
        Dispatch next() {
            if (running.isEmpty()) {
                throw new AssertionError(name + " holds no task");
            }
            return running.get(0);
        }

        /** Answers its oldest task: every item's value times ten, except those listed, which throw. */
        void answer(int... failing) {
            Dispatch d = next();
            running.remove(0);
            ValueList.Reader in = new ValueList.Reader(d.argFrames(), 0);
            ValueList.Writer out = new ValueList.Writer();
            for (int i = 0; i < d.items(); i++) {
                long index = d.firstItem() + i;
                boolean fails = false;
                for (int f : failing) {
                    fails |= f == index;
                }
                if (fails) {
                    out.add(ValueList.ERROR, Errors.encode(Errors.toInfo(new IllegalStateException("item " + index))));
                } else {
                    int value = (Integer) Values.decode(in.item(i), FakeWorkers.class.getClassLoader());
                    out.add(ValueList.VALUE, Values.encode(value * 10, "result"));
                }
            }
            owner.onOutcome(this, new TaskOutcome(d.taskId(), TaskStatus.OK, CHUNK_NANOS, 0, false, null), out.frames());
        }

        /** Answers every task it holds in one message, as a worker batches results that finish together. */
        void answerAllAtOnce() {
            List<TaskOutcome> outcomes = new java.util.ArrayList<>();
            List<byte[]> frames = new java.util.ArrayList<>();
            for (Dispatch d : List.copyOf(running)) {
                ValueList.Reader in = new ValueList.Reader(d.argFrames(), 0);
                ValueList.Writer out = new ValueList.Writer();
                for (int i = 0; i < d.items(); i++) {
                    int value = (Integer) Values.decode(in.item(i), FakeWorkers.class.getClassLoader());
                    out.add(ValueList.VALUE, Values.encode(value * 10, "result"));
                }
                outcomes.add(new TaskOutcome(d.taskId(), TaskStatus.OK, CHUNK_NANOS, frames.size(), false, null));
                frames.addAll(out.frames());
            }
            running.clear();
            owner.onOutcomes(this, outcomes, frames);
        }

        /** Reports its oldest task cancelled (it stopped on the interrupt). */
        void answerCancelled() {
            Dispatch d = next();
            running.remove(0);
            owner.onOutcome(this, new TaskOutcome(d.taskId(), TaskStatus.CANCELLED, 0, -1, false, null), List.of());
        }

        /** Its process ends; {@code last} is what its progress word said, or null. */
        void die(ItemProgress.Last last) {
            running.clear();
            ready.completeExceptionally(new IllegalStateException(name + " exited before connecting"));
            owner.onExit(this, new WorkerExit(-9, List.of(), null, false, last));
        }
    }
}
