package dev.jmp.function;

import java.io.Serializable;

/**
 * A function of two arguments that is shipped to the manager and runs there, atomically with the operation
 * that takes it (compute, merge and replaceAll). A lambda or method reference given to those methods becomes one
 * and is therefore serializable; its captured variables travel with it and must be serializable.
 * The manager reuses a decoded function for identical bytes, so it should keep no private state
 * between calls.
 *
 * @param <T> the first argument type
 * @param <U> the second
 * @param <R> the result type
 */
@FunctionalInterface
public interface ManagedBiFunction<T, U, R> extends java.util.function.BiFunction<T, U, R>, Serializable {
}
