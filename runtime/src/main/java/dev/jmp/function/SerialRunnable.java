package dev.jmp.function;

import java.io.Serializable;

/** A task without a result that can be sent to another process; it may throw. */
@FunctionalInterface
public interface SerialRunnable extends Serializable {

    /** Runs the task. */
    void run() throws Exception;
}
