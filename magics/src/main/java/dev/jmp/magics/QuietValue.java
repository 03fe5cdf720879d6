package dev.jmp.magics;

/**
 * A line magic's result meant for Java code that calls the magic ({@code List<String> added =
 * %jars lib/*.jar;}), not for display: a magic on a line of its own shows nothing for it, as in
 * IJava, where {@code %jars} returns the added paths without printing them as the cell's value.
 *
 * @param value the value handed to Java callers
 */
public record QuietValue(Object value) {

    /**
     * The value a caller sees: the wrapped one for a {@code QuietValue}, the result itself otherwise.
     *
     * @param result a magic's result
     * @return the value
     */
    public static Object unwrap(Object result) {
        return result instanceof QuietValue quiet ? quiet.value() : result;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
