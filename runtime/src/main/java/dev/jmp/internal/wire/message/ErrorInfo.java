package dev.jmp.internal.wire.message;

import dev.jmp.error.ErrorCode;
import java.util.List;

/**
 * A remote exception as data: class, message, stack, causes and suppressed exceptions, and what
 * kind of failure it is, so the receiver never has to recognise it by class name or message.
 *
 * @param className  the remote exception's class name
 * @param message    its message, possibly {@code null}
 * @param stack      its stack frames, innermost first
 * @param cause      its cause, or {@code null}
 * @param suppressed its suppressed exceptions
 * @param code       its kind ({@code null}, from a peer that sent none or one this side does not
 *                   know, reads as {@link ErrorCode#OTHER})
 */
public record ErrorInfo(String className, String message, List<StackFrameInfo> stack, ErrorInfo cause,
                        List<ErrorInfo> suppressed, ErrorCode code) {

    /** The failure's kind, never {@code null}. */
    public ErrorCode kind() {
        return code == null ? ErrorCode.OTHER : code;
    }
}
