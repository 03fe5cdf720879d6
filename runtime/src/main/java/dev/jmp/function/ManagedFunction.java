package dev.jmp.function;

import java.io.Serializable;

/**
 * A function of one argument that is shipped to the manager and runs there, atomically with the operation
 * that takes it (computeIfAbsent). A lambda or method reference given to those methods becomes one
 * and is therefore serializable; its captured variables travel with it and must be serializable.
 * The manager reuses a decoded function for identical bytes, so it should keep no private state
 * between calls.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ManagedFunction<T, R> extends java.util.function.Function<T, R>, Serializable {
}
