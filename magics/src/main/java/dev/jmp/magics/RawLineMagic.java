package dev.jmp.magics;

/**
 * A line magic that needs the text after its name exactly as typed (quotes, pipes and
 * globs intact), for example {@code %sh}, which hands it to a shell.
 */
@FunctionalInterface
public interface RawLineMagic {

    /**
     * Runs the magic.
     *
     * @param rawArgs the text after {@code %name}, trimmed
     * @return the value to display as the cell's result, or {@code null}
     * @throws Exception when the magic fails; a {@link MagicException} shows only its message
     */
    Object execute(String rawArgs) throws Exception;
}
