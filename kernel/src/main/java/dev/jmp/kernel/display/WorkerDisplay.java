package dev.jmp.kernel.display;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jmp.magics.render.DisplayMarkers;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.io.PrintStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code display(...)} called in a worker JVM (code of a {@code %%spawn} or {@code %%pool}
 * body, or any task): the worker has no Jupyter connection, so the display travels as one marker
 * line on its stdout, which the kernel turns back into rich output in the right cell. Values
 * render as the kernel renders them for {@link DisplayData} ({@code html(...)}, {@code svg(...)}
 * ...), strings and byte arrays with explicit MIME types, and anything else as text.
 */
final class WorkerDisplay {

    private static final Gson GSON = new Gson();

    private WorkerDisplay() {
    }

    static DisplayHandle display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        emit(false, id, value, mimeTypes);
        return new DisplayHandle(id, (displayId, v, m) -> emit(true, displayId, v, m));
    }

    static void update(String id, Object value, String... mimeTypes) {
        emit(true, id, value, mimeTypes);
    }

    private static void emit(boolean update, String id, Object value, String... mimeTypes) {
        String line = DisplayMarkers.encode(update, id, render(value, mimeTypes));
        PrintStream out = System.out;
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static Map<String, String> render(Object value, String... mimeTypes) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value instanceof DisplayData data && mimeTypes.length == 0) {
            JsonElement json = GSON.toJsonTree(data);
            JsonObject fields = json.isJsonObject() ? json.getAsJsonObject().getAsJsonObject("data") : null;
            if (fields != null) {
                fields.entrySet().forEach(e -> bundle.put(e.getKey(),
                        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
            }
        } else {
            for (String mime : mimeTypes) {
                if (value instanceof byte[] bytes) {
                    bundle.put(mime, Base64.getEncoder().encodeToString(bytes));
                } else {
                    bundle.put(mime, String.valueOf(value));
                }
            }
        }
        bundle.putIfAbsent("text/plain", value instanceof byte[] bytes ? "[" + bytes.length + " bytes]" : String.valueOf(value));
        return bundle;
    }
}
