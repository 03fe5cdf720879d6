package dev.jmp.kernel.display;

/**
 * A display shown by {@link Display#display(Object)}: keep it to update the output in place.
 * A cell whose last expression is a handle shows nothing more (the display is already shown).
 * A handle can be sent between the kernel and workers; the copy updates the same display.
 */
public final class DisplayHandle implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Replaces a display's content (in the kernel: publishes; in a worker: prints a marker). */
    @FunctionalInterface
    interface Updater {
        void update(String id, Object value, String... mimeTypes);
    }

    /** @serial the display's id */
    private final String id;
    /** Null in a copy that crossed processes: it then updates through {@link Display}. */
    private final transient Updater updater;

    DisplayHandle(String id, Updater updater) {
        this.id = id;
        this.updater = updater;
    }

    /**
     * The display's id (Jupyter's {@code display_id}).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Replaces the displayed output, even after the cell that showed it has finished.
     *
     * @param value the new content, rendered like {@link Display#display(Object)} does
     */
    public void update(Object value) {
        update(value, new String[0]);
    }

    /**
     * Replaces the displayed output with a value rendered as the given MIME types.
     *
     * @param value the new content
     * @param mimeTypes for example {@code "text/html"}
     */
    public void update(Object value, String... mimeTypes) {
        if (updater != null) {
            updater.update(id, value, mimeTypes);
        } else if (mimeTypes.length == 0) {
            Display.updateDisplay(id, value);
        } else {
            Display.updateDisplay(id, value, mimeTypes);
        }
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
