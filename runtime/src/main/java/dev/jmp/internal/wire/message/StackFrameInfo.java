package dev.jmp.internal.wire.message;

/**
 * One remote stack frame.
 *
 * @param className  declaring class
 * @param method     method name
 * @param file       source file, or {@code null}
 * @param line       line number, negative if unknown
 */
public record StackFrameInfo(String className, String method, String file, int line) {
}
