package dev.jmp.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The display functions every cell imports statically: show rich output, update it in place,
 * and build HTML, Markdown, SVG or PNG outputs.
 *
 * <pre>{@code
 * var progress = display("starting ...");
 * progress.update(html("<b>done</b>"));
 * display("# Title", "text/markdown");
 * }</pre>
 *
 * <p>In code running in a worker JVM ({@code %%spawn}, {@code %%pool}, a {@code Process}), the
 * same calls show their output in the cell that started the work.
 */
public final class Display {

    private static volatile DisplayPublisher publisher;

    private Display() {
    }

    /**
     * Connects the functions to the kernel (called once at kernel start).
     *
     * @param kernelPublisher the kernel's publisher
     */
    public static void install(DisplayPublisher kernelPublisher) {
        publisher = kernelPublisher;
    }

    /** Code shipped to a worker JVM has no kernel connection: its displays travel as output. */
    private static boolean inWorker() {
        return publisher == null && dev.jmp.Worker.inWorker();
    }

    private static DisplayPublisher publisher() {
        DisplayPublisher p = publisher;
        if (p == null) {
            throw new IllegalStateException("display functions work only inside the jmp kernel");
        }
        return p;
    }

    /**
     * Shows a value in the cell, rendered as its natural MIME types (text, HTML, images ...).
     *
     * @param value the value
     * @return a handle to update the display in place
     */
    public static DisplayHandle display(Object value) {
        if (inWorker()) {
            return WorkerDisplay.display(value);
        }
        return publisher().display(value);
    }

    /**
     * Shows a value rendered as the given MIME types, for example
     * {@code display("<b>hi</b>", "text/html")} or {@code display(pngBytes, "image/png")}.
     *
     * @param value     a String for text types, a byte[] for images, or a renderable object
     * @param mimeTypes the types
     * @return a handle to update the display in place
     */
    public static DisplayHandle display(Object value, String... mimeTypes) {
        if (inWorker()) {
            return WorkerDisplay.display(value, mimeTypes);
        }
        return publisher().display(value, mimeTypes);
    }

    /**
     * Replaces the content of an earlier display, even after its cell finished.
     *
     * @param displayId the display's id ({@link DisplayHandle#id()})
     * @param value     the new content
     */
    public static void updateDisplay(String displayId, Object value) {
        if (inWorker()) {
            WorkerDisplay.update(displayId, value);
            return;
        }
        publisher().update(displayId, value);
    }

    /**
     * Replaces the content of an earlier display, rendered as the given MIME types.
     *
     * @param displayId the display's id
     * @param value     the new content
     * @param mimeTypes the types
     */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        if (inWorker()) {
            WorkerDisplay.update(displayId, value, mimeTypes);
            return;
        }
        publisher().update(displayId, value, mimeTypes);
    }

    /**
     * Replaces the content of an earlier display.
     *
     * @param handle the display
     * @param value  the new content
     */
    public static void updateDisplay(DisplayHandle handle, Object value) {
        handle.update(value);
    }

    /**
     * Renders a value as a cell's result would show it, without showing it (IJava's
     * {@code render}): the cell's value, or an argument of {@code display}.
     *
     * @param value the value
     * @return its rendering, every natural MIME type of it
     */
    public static DisplayData render(Object value) {
        return publisher().render(value);
    }

    /**
     * Renders a value as the given MIME types, without showing it (IJava's {@code render(o, mime)}),
     * with a {@code text/plain} form for consoles.
     *
     * @param value     the value
     * @param mimeTypes the types
     * @return its rendering
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        return publisher().render(value, mimeTypes);
    }

    /**
     * HTML output (the value of a cell's last expression, or an argument of {@code display}).
     *
     * @param html the markup
     * @return the output
     */
    public static DisplayData html(String html) {
        return textual("text/html", html);
    }

    /**
     * Markdown output.
     *
     * @param markdown the text
     * @return the output
     */
    public static DisplayData markdown(String markdown) {
        return textual("text/markdown", markdown);
    }

    /**
     * SVG output.
     *
     * @param svg the SVG document
     * @return the output
     */
    public static DisplayData svg(String svg) {
        return textual("image/svg+xml", svg);
    }

    /**
     * PNG output.
     *
     * @param png the PNG file's bytes
     * @return the output
     */
    public static DisplayData png(byte[] png) {
        DisplayData data = new DisplayData("[PNG image, " + png.length + " bytes]");
        data.putData("image/png", java.util.Base64.getEncoder().encodeToString(png));
        return data;
    }

    private static DisplayData textual(String mime, String text) {
        DisplayData data = new DisplayData(text);
        data.putData(mime, text);
        return data;
    }
}
