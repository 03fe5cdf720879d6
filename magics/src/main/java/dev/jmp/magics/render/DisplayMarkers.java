package dev.jmp.magics.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rich output from workers: {@code display(...)} in a worker prints one marker line, which the
 * kernel turns back into a {@code display_data} (or {@code update_display_data}) in the cell the
 * worker's output belongs to. The line is plain ASCII:
 * {@code ESC[jmp-display d|u ID mime=base64,mime=base64}.
 */
public final class DisplayMarkers {

    /** What every marker line starts with. */
    public static final String PREFIX = "\u001B[jmp-display ";

    /**
     * A display request read from a marker line.
     *
     * @param update    whether it replaces an earlier display
     * @param displayId the display's id
     * @param bundle    MIME type to content
     */
    public record Marker(boolean update, String displayId, Map<String, String> bundle) {
    }

    private DisplayMarkers() {
    }

    /**
     * Encodes a display request.
     *
     * @param update    whether it replaces an earlier display
     * @param displayId the display's id (no spaces)
     * @param bundle    MIME type to content
     * @return the marker line, without a line terminator
     */
    public static String encode(boolean update, String displayId, Map<String, String> bundle) {
        StringBuilder line = new StringBuilder(PREFIX).append(update ? 'u' : 'd').append(' ').append(displayId).append(' ');
        boolean first = true;
        for (Map.Entry<String, String> e : bundle.entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            line.append(e.getKey()).append('=')
                    .append(Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return line.toString();
    }

    /**
     * Reads a marker line.
     *
     * @param line a line a worker printed
     * @return the request, or empty when the line is not a (well-formed) marker
     */
    public static Optional<Marker> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", 3);
        if (parts.length != 3 || !(parts[0].equals("d") || parts[0].equals("u")) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        try {
            for (String entry : parts[2].split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    return Optional.empty();
                }
                bundle.put(entry.substring(0, eq),
                        new String(Base64.getDecoder().decode(entry.substring(eq + 1)), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Marker(parts[0].equals("u"), parts[1], bundle));
    }

    /**
     * Publishes a marker's display in a cell.
     *
     * @param marker the request
     * @param cell   the cell
     */
    public static void publish(Marker marker, dev.jmp.magics.CellOutput cell) {
        if (marker.update()) {
            cell.updateDisplay(marker.displayId(), marker.bundle());
        } else {
            cell.display(marker.displayId(), marker.bundle());
        }
    }
}
