package dev.jmp.kernel.display;

/**
 * A display shown by {@link Display#display(Object)}: keep it to update the output in place.
 * A cell whose last expression is a handle shows nothing more (the display is already shown).
 */
public final class DisplayHandle {

    private final String id;
    private final DisplayPublisher publisher;

    DisplayHandle(String id, DisplayPublisher publisher) {
        this.id = id;
        this.publisher = publisher;
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
        publisher.update(id, value);
    }

    /**
     * Replaces the displayed output with a value rendered as the given MIME types.
     *
     * @param value the new content
     * @param mimeTypes for example {@code "text/html"}
     */
    public void update(Object value, String... mimeTypes) {
        publisher.update(id, value, mimeTypes);
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
