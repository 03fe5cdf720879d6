package dev.jmp.internal.wire.message;

import java.util.List;

/**
 * A remote exception as data: class, message, stack, causes and suppressed exceptions.
 *
 * @param className  the remote exception's class name
 * @param message    its message, possibly {@code null}
 * @param stack      its stack frames, innermost first
 * @param cause      its cause, or {@code null}
 * @param suppressed its suppressed exceptions
 */
public record ErrorInfo(String className, String message, List<StackFrameInfo> stack, ErrorInfo cause,
                        List<ErrorInfo> suppressed) {
}
