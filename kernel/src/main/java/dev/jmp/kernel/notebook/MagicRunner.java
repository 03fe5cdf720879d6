package dev.jmp.kernel.notebook;

/** How {@link NotebookMagics} reaches the kernel's magics (the kernel installs one). */
public interface MagicRunner {

    /**
     * Runs a line magic.
     *
     * @param name the magic's name, without {@code %}
     * @param args the text after the name
     * @return the magic's value, or null
     * @throws MagicCallException when the magic fails or is unknown
     */
    Object line(String name, String args);

    /**
     * Runs a cell magic.
     *
     * @param name the magic's name, without {@code %%}
     * @param args the text after the name on the first line
     * @param body the cell's body
     * @return the magic's value, or null
     * @throws MagicCallException when the magic fails or is unknown
     */
    Object cell(String name, String args, String body);
}
