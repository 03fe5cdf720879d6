package dev.jmp.kernel;

import dev.jmp.magics.CellFailure;
import dev.jmp.spi.Daemons;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The evaluation time limit ({@code JMP_TIMEOUT}, IJava's {@code IJAVA_TIMEOUT}): a cell still
 * running when it expires is interrupted as by the notebook's stop button, and fails with a
 * message naming the limit instead of "Interrupted".
 */
final class CellTimeout {

    /** Runs a cell's code. */
    @FunctionalInterface
    interface Cell {
        DisplayData run() throws CellFailure;
    }

    private final Runnable interrupt;
    private final ScheduledExecutorService timer =
            Daemons.timer("jmp-cell-timeout");
    private final Object lock = new Object();
    private boolean running;
    private boolean expired;

    CellTimeout(Runnable interrupt) {
        this.interrupt = interrupt;
    }

    DisplayData run(long millis, Cell cell) throws CellFailure {
        synchronized (lock) {
            running = true;
            expired = false;
        }
        ScheduledFuture<?> alarm = timer.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
        try {
            return cell.run();
        } catch (CellFailure e) {
            synchronized (lock) {
                if (expired) {
                    throw CellFailure.ofMessage("Timeout", "the cell ran longer than the time limit of " + millis
                            + " ms (JMP_TIMEOUT) and was stopped");
                }
            }
            throw e;
        } finally {
            alarm.cancel(false);
            synchronized (lock) {
                running = false;
            }
        }
    }

    private void expire() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            expired = true;
        }
        interrupt.run();
    }
}
