package dev.jmp.launch.slurm;

import dev.jmp.Jmp;
import dev.jmp.spi.OutputEvent;
import java.util.concurrent.CountDownLatch;

/**
 * A plain program that runs a worker on Slurm, for the test that kills it: prints the pids of the
 * srun processes it started once its worker's task runs, then waits to be killed.
 */
public final class SlurmParentMain {

    private SlurmParentMain() {
    }

    /** Entry point; the slurm options come as {@code -Djmp.slurm.*} properties. */
    public static void main(String[] args) throws Exception {
        Jmp.setOutputEcho(false);
        Jmp.setLauncher("slurm");
        CountDownLatch running = new CountDownLatch(1);
        Jmp.addOutputListener(e -> {
            if (e.stream() == OutputEvent.Stream.STDOUT && e.line().equals("task running")) {
                running.countDown();
            }
        });
        new dev.jmp.Process(() -> {
            System.out.println("task running");
            System.out.flush();
            Thread.sleep(600_000);
        }).start();
        running.await();
        System.out.println("srun pids " + Jmp.launchedPids());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
