package dev.jmp.kernel;

import dev.jmp.kernel.display.DisplayHandle;
import dev.jmp.kernel.jshell.CellValue;
import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.QuietValue;
import dev.jmp.magics.UnknownMagicException;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a cell's code, a cell magic or Java interleaved with line magics, and interrupts it: it
 * knows which thread runs a magic, so the notebook's stop button reaches a magic as well as the
 * user code JShell runs.
 */
final class CodeRunner {

    private final MagicCatalog magics;
    private final KernelServices services;
    private final Supplier<JShellEvaluator> evaluator;
    private final BooleanSupplier jshellStarted;
    private final Supplier<Renderer> renderer;
    private volatile Thread magicThread;
    private volatile boolean magicInterrupted;

    /**
     * @param magics        the magics a cell may call
     * @param services      the kernel's services (interrupt actions, JShell's state)
     * @param evaluator     JShell, waiting for it to start
     * @param jshellStarted whether JShell has started, without waiting
     * @param renderer      turns a cell's value into display data
     */
    CodeRunner(MagicCatalog magics, KernelServices services, Supplier<JShellEvaluator> evaluator,
               BooleanSupplier jshellStarted, Supplier<Renderer> renderer) {
        this.magics = magics;
        this.services = services;
        this.evaluator = evaluator;
        this.jshellStarted = jshellStarted;
        this.renderer = renderer;
    }

    /** A new cell starts: an interrupt of the previous one no longer counts. */
    void newCell() {
        magicInterrupted = false;
    }

    /** Runs a cell's code in the current cell (also the code a magic such as %%time runs). */
    DisplayData runCode(String code, int executionCount) throws CellFailure {
        CellSplitter.CellMagic cellMagic = CellSplitter.cellMagic(code);
        if (cellMagic != null) {
            Object value = runMagic(() -> magics.applyCell(cellMagic.name(), cellMagic.args(), cellMagic.body()));
            return value == null ? null : toDisplay(value);
        }
        Object value = null;
        boolean hasValue = false;
        for (CellSplitter.Part part : CellSplitter.split(code)) {
            if (part.magic()) {
                value = runMagic(() -> magics.applyLine(part.name(), part.text()));
                // A value meant for Java callers only (%jars's paths) is not the cell's result.
                hasValue = value != null && !(value instanceof QuietValue);
            } else {
                CellValue result = evaluator.get().eval(MagicExpressions.rewrite(part.text()), executionCount);
                hasValue = result != null;
                value = hasValue ? result.value() : null;
            }
        }
        return hasValue ? toDisplay(value) : null;
    }

    private DisplayData toDisplay(Object value) {
        if (value instanceof DisplayHandle) {
            return null;
        }
        if (value instanceof DisplayData data) {
            return data;
        }
        return value == null ? new DisplayData("null") : renderer.get().render(value);
    }

    @FunctionalInterface
    private interface MagicCall {
        Object run() throws Exception;
    }

    private Object runMagic(MagicCall call) throws CellFailure {
        Thread outer = magicThread; // set when a magic (%%time) runs code with magics of its own
        magicThread = Thread.currentThread();
        try {
            return call.run();
        } catch (CellFailure e) {
            throw e;
        } catch (MagicException e) {
            if (magicInterrupted) {
                throw CellFailure.ofMessage("Interrupted", e.getMessage());
            }
            throw CellFailure.ofMessage(e instanceof UnknownMagicException ? "UnknownMagic" : "MagicError", e.getMessage());
        } catch (Exception e) {
            throw new CellFailure(e.getClass().getName(), String.valueOf(e.getMessage()),
                    evaluator.get().stackTraceCleaner().format(e));
        } finally {
            magicThread = outer;
            if (outer == null) {
                Thread.interrupted();
            }
        }
    }

    /** Stops what the current cell runs: the magic's thread, or the user code JShell runs. */
    void interrupt() {
        Thread thread = magicThread;
        if (thread != null && services.deferInterrupt()) {
            // The magic is inside a JShell call of its own (its --over expression, say): stop the
            // user code JShell runs, as for any cell, but leave the magic's thread alone until
            // JShell returns (an interrupt there corrupts JShell); it gets the interrupt then.
            if (services.jshellRunsUserCode() && jshellStarted.getAsBoolean()) {
                evaluator.get().stop();
            }
            magicInterrupted = true;
            services.runInterruptActions();
            return;
        }
        if (thread != null) {
            // A magic outside JShell: no snippet runs, and a stop request now would fail the
            // magic's next JShell call (binding its result) instead of the code it runs.
            magicInterrupted = true;
            thread.interrupt();
        } else if (jshellStarted.getAsBoolean()) {
            evaluator.get().stop();
        }
        services.runInterruptActions();
    }
}
