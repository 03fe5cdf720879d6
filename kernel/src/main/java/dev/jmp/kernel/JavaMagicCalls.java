package dev.jmp.kernel;

import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.kernel.notebook.MagicCallException;
import dev.jmp.kernel.notebook.MagicRunner;
import dev.jmp.magics.CellFailure;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.QuietValue;

/**
 * The kernel's {@link MagicRunner}: magics called from notebook code run in the calling thread
 * (the cell's), with their output in the running cell, and fail with the message a cell shows.
 */
final class JavaMagicCalls implements MagicRunner {

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private final MagicCatalog catalog;

    JavaMagicCalls(MagicCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Object line(String name, String args) {
        return call(() -> catalog.applyLine(name, args), "%" + name, "on a line of its own");
    }

    @Override
    public Object cell(String name, String args, String body) {
        return call(() -> catalog.applyCell(name, args, body), "%%" + name, "at the top of a cell of its own");
    }

    private static Object call(Call call, String typed, String where) {
        try {
            return QuietValue.unwrap(call.run());
        } catch (CellFailure e) {
            if (JShellEvaluator.BUSY.equals(e.errorName())) {
                throw new MagicCallException(typed + " cannot be called from Java code: it runs code through JShell, "
                        + "which is busy running the code that called it. Use " + typed + " " + where + ".", e);
            }
            throw new MagicCallException(e.errorName() + ": " + e.getMessage(), e);
        } catch (MagicException e) {
            throw new MagicCallException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MagicCallException(typed + " failed: " + e, e);
        }
    }
}
