package dev.jmp.internal.service;

import com.google.gson.JsonElement;
import dev.jmp.internal.wire.WireCodec;
import java.util.List;

/**
 * What a service call returned.
 *
 * @param result the result record as JSON (over the wire), possibly {@code null}
 * @param frames binary frames (user values)
 * @param local  the result record itself, for a call within the parent (no JSON round trip)
 */
public record ServiceResult(JsonElement result, List<byte[]> frames, Object local) {

    /** A result that came over the wire. */
    public ServiceResult(JsonElement result, List<byte[]> frames) {
        this(result, frames, null);
    }

    /** Converts the result to a record type. */
    public <T> T as(Class<T> type) {
        if (type.isInstance(local)) {
            return type.cast(local);
        }
        return result == null || result.isJsonNull() ? null : WireCodec.fromTree(result, type);
    }
}
