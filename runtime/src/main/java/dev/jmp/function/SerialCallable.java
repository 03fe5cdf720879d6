package dev.jmp.function;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task that returns a value and can be sent to another process: write it as a lambda,
 * {@code () -> compute()}. What it captures must be serializable too.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerialCallable<R> extends Callable<R>, Serializable {
}
