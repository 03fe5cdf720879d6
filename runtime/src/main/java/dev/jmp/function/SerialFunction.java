package dev.jmp.function;

import java.io.Serializable;

/**
 * A function of one argument that can be sent to another process (what {@link dev.jmp.Pool#map} applies
 * to each item); it may throw.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerialFunction<T, R> extends Serializable {

    /** Applies the function. */
    R apply(T item) throws Exception;
}
