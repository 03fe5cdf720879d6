package dev.jmp.function;

import java.io.Serializable;

/**
 * An operator on one value that is shipped to the manager and runs there, atomically with the operation
 * that takes it (SharedValue.updateAndGet and SharedList.replaceAll). A lambda or method reference given to those methods becomes one
 * and is therefore serializable; its captured variables travel with it and must be serializable.
 * The manager reuses a decoded function for identical bytes, so it should keep no private state
 * between calls.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ManagedUnaryOperator<T> extends java.util.function.UnaryOperator<T>, Serializable {
}
