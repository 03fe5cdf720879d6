package dev.jmp.function;

import java.io.Serializable;

/**
 * A task body that takes one argument and returns nothing, and can be sent to another process:
 * the target of {@code new Process(q -> q.put("hi"), queue)}, like a Python
 * {@code Process(target=f, args=(q,))} whose {@code f} returns nothing. It may throw.
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface SerialConsumer<T> extends Serializable {
    /**
     * Runs the body.
     *
     * @param arg the argument the process was given
     * @throws Exception anything; it becomes the process's exception
     */
    void accept(T arg) throws Exception;
}
