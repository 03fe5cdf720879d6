package dev.jmp.function;

import java.io.Serializable;

/**
 * A function of two arguments that can be sent to another process ({@link dev.jmp.Pool#starmap}).
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerialBiFunction<A, B, R> extends Serializable {

    /** Applies the function. */
    R apply(A a, B b) throws Exception;
}
