package dev.jmp.service;

import com.google.gson.JsonElement;
import dev.jmp.wire.WireCodec;
import java.util.List;

/**
 * What a service call returned.
 *
 * @param result the result record as JSON, possibly {@code null}
 * @param frames binary frames (user values)
 */
public record ServiceResult(JsonElement result, List<byte[]> frames) {

    /** Converts the result to a record type. */
    public <T> T as(Class<T> type) {
        return result == null || result.isJsonNull() ? null : WireCodec.fromTree(result, type);
    }
}
