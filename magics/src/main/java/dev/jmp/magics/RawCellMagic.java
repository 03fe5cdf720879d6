package dev.jmp.magics;

/**
 * A cell magic that needs the text of its first line exactly as typed, for example
 * {@code %%pool}, whose {@code --over} takes a Java expression with spaces, quotes and brackets.
 */
@FunctionalInterface
public interface RawCellMagic {

    /**
     * Runs the magic.
     *
     * @param rawArgs the text after {@code %%name} on the first line, trimmed
     * @param body    the rest of the cell
     * @return the value to display as the cell's result, or {@code null}
     * @throws Exception when the magic fails; a {@link MagicException} shows only its message
     */
    Object execute(String rawArgs, String body) throws Exception;
}
