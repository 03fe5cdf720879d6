package dev.jmp.kernel.display;

import com.google.gson.JsonParser;
import dev.jmp.kernel.io.IOPubPublisher;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;

import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Renders values to MIME bundles and publishes them as {@code display_data} or
 * {@code update_display_data} under the current (or last) cell.
 */
public final class DisplayPublisher {

    private final Renderer renderer;
    private final IOPubPublisher iopub;
    private final Runnable beforePublish;

    /**
     * Creates the publisher.
     *
     * @param renderer      turns objects into MIME bundles
     * @param iopub         publishes under the current cell
     * @param beforePublish run before each display (flushes the text streams, keeping order)
     */
    public DisplayPublisher(Renderer renderer, IOPubPublisher iopub, Runnable beforePublish) {
        this.renderer = renderer;
        this.iopub = iopub;
        this.beforePublish = beforePublish;
    }

    /**
     * Renders a value: a {@link DisplayData} as is, otherwise through the renderer, or as
     * the requested MIME types.
     *
     * @param value     the value
     * @param mimeTypes the wanted types; none means the value's natural ones
     * @return the bundle
     */
    public DisplayData render(Object value, String... mimeTypes) {
        if (value instanceof DisplayData data && mimeTypes.length == 0) {
            return new DisplayData(data);
        }
        if (mimeTypes.length == 0) {
            return renderer.render(value);
        }
        DisplayData data = new DisplayData();
        for (String mime : mimeTypes) {
            Objects.requireNonNull(mime, "MIME type");
            if (value instanceof CharSequence text && isTextual(mime)) {
                data.putData(mime, mime.endsWith("json") ? JsonParser.parseString(text.toString()) : text.toString());
            } else if (value instanceof byte[] bytes && mime.startsWith("image/")) {
                data.putData(mime, Base64.getEncoder().encodeToString(bytes));
            } else {
                DisplayData rendered = renderer.renderAs(value, mime);
                if (rendered == null) {
                    throw new IllegalArgumentException("cannot render a " + (value == null ? "null" : value.getClass().getName())
                            + " as " + mime + ": pass a String for text types, a byte[] for images");
                }
                data.assign(rendered);
            }
        }
        if (!data.hasDataForType(MIMEType.TEXT_PLAIN)) {
            // A console (or any front end without the asked type) shows text/plain only: without
            // one, display(s, "text/html") would show nothing there. Workers' displays do the same.
            data.putText(value instanceof byte[] bytes ? "[" + String.join(", ", mimeTypes) + ", " + bytes.length + " bytes]"
                    : value instanceof CharSequence text ? text.toString() : plainText(value));
        }
        return data;
    }

    private String plainText(Object value) {
        DisplayData natural = renderer.render(value);
        Object text = natural == null ? null : natural.getData(MIMEType.TEXT_PLAIN);
        return text == null ? String.valueOf(value) : text.toString();
    }

    /**
     * Shows a value in the cell.
     *
     * @param value     the value
     * @param mimeTypes the wanted types; none means the value's natural ones
     * @return a handle to update the display later
     */
    public DisplayHandle display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        DisplayData data = render(value, mimeTypes);
        data.setDisplayId(id);
        beforePublish.run();
        iopub.publish(new PublishDisplayData(data));
        return new DisplayHandle(id, this::update);
    }

    /**
     * Replaces a display's content in place.
     *
     * @param id        the display's id
     * @param value     the new value
     * @param mimeTypes the wanted types; none means the value's natural ones
     */
    public void update(String id, Object value, String... mimeTypes) {
        DisplayData data = render(value, mimeTypes);
        data.setDisplayId(Objects.requireNonNull(id, "display id"));
        beforePublish.run();
        iopub.publish(new PublishUpdateDisplayData(data));
    }

    private static boolean isTextual(String mime) {
        return mime.startsWith("text/") || mime.equals("image/svg+xml") || mime.endsWith("json")
                || mime.equals("application/javascript");
    }
}
