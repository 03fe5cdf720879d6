package dev.jmp.jjava;

import dev.jmp.magics.CellFailure;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.spi.Daemons;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a jmp magic for JJava's registry.
 *
 * <p>JJava runs a magic inside the cell's snippet, and its interrupt cancels that snippet's task,
 * which only interrupts the thread. jmp's magics stop their workers through interrupt actions, so
 * the magic runs on a thread of its own while JJava's thread waits: the waiting thread sees the
 * interrupt, runs the actions and interrupts the magic. JJava ends the cell at once; what the
 * magic prints while its workers stop (within their 2 s grace) still goes to that cell.
 */
final class MagicRunner {

    private final MagicCatalog catalog;
    private final CellHost callbacks;

    MagicRunner(MagicCatalog catalog, CellHost callbacks) {
        this.catalog = catalog;
        this.callbacks = callbacks;
    }

    Object line(String name, List<String> args) {
        callbacks.enterCell();
        String raw = RawArgs.line(callbacks.cellSource(), name, args);
        return run("%" + name, () -> catalog.applyLine(name, raw));
    }

    Object cell(String name, List<String> args, String body) {
        callbacks.enterCell();
        String raw = RawArgs.cell(callbacks.cellSource(), name, args);
        return run("%%" + name, () -> catalog.applyCell(name, raw, body));
    }

    @FunctionalInterface
    private interface MagicCall {
        Object call() throws Exception;
    }

    private Object run(String typed, MagicCall call) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        Thread magic = Daemons.start("jmp-jjava-magic", () -> {
            try {
                done.complete(call.call());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        Object value;
        try {
            value = done.get();
        } catch (InterruptedException e) {
            callbacks.interrupted();
            magic.interrupt();
            Thread.currentThread().interrupt();
            throw new MagicFailed(typed + " interrupted");
        } catch (ExecutionException e) {
            throw failed(typed, e.getCause());
        }
        callbacks.out().flush();
        callbacks.err().flush();
        return value;
    }

    private RuntimeException failed(String typed, Throwable cause) {
        callbacks.out().flush();
        if (cause instanceof CellFailure failure) {
            failure.traceback().forEach(callbacks.err()::println);
            return new MagicFailed(failure.errorName() + ": " + failure.errorValue());
        }
        if (cause instanceof MagicException) {
            return new MagicFailed(cause.getMessage());
        }
        cause.printStackTrace(callbacks.err());
        return new MagicFailed(typed + " failed: " + cause);
    }

    /** A magic's failure, shown by its message (its own stack trace says nothing to the user). */
    static final class MagicFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MagicFailed(String message) {
            super(message, null, false, false);
        }
    }
}
