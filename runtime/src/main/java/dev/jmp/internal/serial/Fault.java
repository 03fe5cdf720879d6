package dev.jmp.internal.serial;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.JmpException;

/**
 * A failure a runtime service raises for its caller (a lock released by a non-holder, a closed
 * manager, a queue that does not exist), as opposed to one thrown by user code it ran. It has
 * no stack of its own: it crosses the wire as its code and message, reads there as the type its
 * code stands for ({@code java.lang.IllegalStateException: ...}), and the caller's side rebuilds
 * that exception from the code.
 */
public final class Fault extends JmpException {

    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    /**
     * @param code    the failure's kind; must stand for an exception type (not {@link ErrorCode#OTHER})
     * @param message what went wrong
     */
    public Fault(ErrorCode code, String message) {
        super(message, null, false, false);
        if (code.type() == null) {
            throw new IllegalArgumentException("a fault needs a code that stands for an exception type, not " + code);
        }
        this.code = code;
    }

    @Override
    public ErrorCode code() {
        return code;
    }
}
