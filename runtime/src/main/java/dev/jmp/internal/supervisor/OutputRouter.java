package dev.jmp.internal.supervisor;

import dev.jmp.spi.OutputEvent;
import dev.jmp.spi.OutputListener;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers worker output lines to listeners, and echoes them to the parent's own stdout and
 * stderr unless echo is off (a plain {@code main} sees its workers' prints, as with Python; the
 * kernel turns echo off and streams lines into cells instead).
 */
public final class OutputRouter {

    private static final System.Logger LOG = System.getLogger("dev.jmp.output");
    private final List<OutputListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean echo = true;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    /** Adds a listener; the returned handle removes it. */
    public dev.jmp.spi.Subscription add(OutputListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** Turns echo to the parent's stdout/stderr on or off. */
    public void setEcho(boolean on) {
        echo = on;
    }

    void deliver(OutputEvent e) {
        for (OutputListener l : listeners) {
            try {
                l.onOutput(e);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "output listener failed", ex);
            }
        }
        if (echo) {
            (e.stream() == OutputEvent.Stream.STDERR ? err : out).println(e.line());
        }
    }
}
