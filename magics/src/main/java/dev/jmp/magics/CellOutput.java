package dev.jmp.magics;

import java.util.Map;

/**
 * The output area of one cell: text streams and rich displays published under that cell's
 * request, also after the cell has finished (Jupyter frontends append late output to the cell
 * it belongs to; {@code nbconvert} drops it). Safe to use from any thread.
 */
public interface CellOutput {

    /**
     * Appends text to the cell's stdout.
     *
     * @param text whole lines, each ending with {@code \n}
     */
    void stdout(String text);

    /**
     * Appends text to the cell's stderr.
     *
     * @param text whole lines, each ending with {@code \n}
     */
    void stderr(String text);

    /**
     * Shows a rich output that can later be replaced in place.
     *
     * @param displayId the display's id, unique in the kernel (for example a UUID)
     * @param bundle    MIME type to content, for example {@code text/html} and {@code text/plain}
     */
    void display(String displayId, Map<String, String> bundle);

    /**
     * Replaces the content of a display shown by {@link #display}, even after its cell ended.
     *
     * @param displayId the display's id
     * @param bundle    the new content by MIME type
     */
    void updateDisplay(String displayId, Map<String, String> bundle);
}
