package dev.jmp.magics.scan;

import java.util.List;

/**
 * Notebook variables that the shipped code reads cannot be sent to a worker. The message has
 * one line per variable, naming it as the user wrote it, with its type and the reason, for
 * example: {@code variable `conn` (java.net.Socket) cannot be sent to a worker:
 * java.net.Socket is not Serializable}.
 */
public final class UnsendableVariablesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @serial the variables' display names */
    private final List<String> variables;

    /**
     * @param variables the display names of the variables that cannot be sent
     * @param lines     one complete sentence per variable
     */
    public UnsendableVariablesException(List<String> variables, List<String> lines) {
        super(String.join("\n", lines));
        this.variables = List.copyOf(variables);
    }

    /** @return the display names of the variables that cannot be sent, in the order found */
    public List<String> variables() {
        return variables;
    }
}
