package dev.jmp.function;

import java.io.Serializable;

/**
 * An operator on a long that is shipped to the manager and runs there, atomically with the operation
 * that takes it (SharedCounter.updateAndGet). A lambda or method reference given to those methods becomes one
 * and is therefore serializable; its captured variables travel with it and must be serializable.
 * The manager reuses a decoded function for identical bytes, so it should keep no private state
 * between calls.
 */
@FunctionalInterface
public interface ManagedLongOperator extends java.util.function.LongUnaryOperator, Serializable {
}
