package dev.jmp.internal.service;

import com.google.gson.JsonElement;
import dev.jmp.internal.wire.WireCodec;

/** Arguments that several calls share, decoded once for all of them. */
public final class SharedArgs {

    private final JsonElement tree;
    private Object decoded;

    /** Wraps arguments as JSON. */
    public SharedArgs(JsonElement tree) {
        this.tree = tree;
    }

    /** The arguments as JSON. */
    JsonElement tree() {
        return tree;
    }

    /** Returns the arguments as a record of the given type, decoding them the first time. */
    public synchronized <T> T as(Class<T> type) {
        if (!type.isInstance(decoded)) {
            if (tree == null || tree.isJsonNull()) {
                throw new IllegalArgumentException("the operation needs arguments");
            }
            decoded = WireCodec.fromTree(tree, type);
        }
        return type.cast(decoded);
    }
}
