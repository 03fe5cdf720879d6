package dev.jmp.function;

import java.io.Serializable;

/**
 * A task body that takes two arguments and returns nothing, and can be sent to another process:
 * the target of {@code new Process((lock, counts) -> ..., lock, counts)}. It may throw.
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 */
@FunctionalInterface
public interface SerialBiConsumer<A, B> extends Serializable {
    /**
     * Runs the body.
     *
     * @param a the first argument the process was given
     * @param b the second argument the process was given
     * @throws Exception anything; it becomes the process's exception
     */
    void accept(A a, B b) throws Exception;
}
