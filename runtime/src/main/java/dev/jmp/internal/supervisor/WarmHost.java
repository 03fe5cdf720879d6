package dev.jmp.internal.supervisor;

/** The supervisor as its warm set sees it: default-option workers, primed once connected. */
final class WarmHost implements WarmSet.Host<WorkerHandle> {

    private final Supervisor supervisor;

    WarmHost(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public boolean isClosed() {
        return supervisor.isClosed();
    }

    @Override
    public int target() {
        return supervisor.settings().warmWorkers();
    }

    @Override
    public WorkerHandle spawn(WorkerOwner owner) {
        return supervisor.spawn(WorkerOptions.DEFAULT, owner);
    }

    @Override
    public void prime(WorkerHandle worker) {
        supervisor.prime(worker);
    }

    @Override
    public void execute(Runnable work) {
        supervisor.execute(work);
    }

    @Override
    public void executeLater(Runnable work, long delayMillis) {
        supervisor.schedule(() -> supervisor.execute(work), delayMillis);
    }
}
