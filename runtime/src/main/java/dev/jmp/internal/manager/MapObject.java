package dev.jmp.internal.manager;

import dev.jmp.internal.service.ServiceCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A map in the manager (insertion-ordered); it holds null keys and values, as a Python dict holds
 * {@code None}. Keys and values are held decoded, so equality is the
 * classes' own. The functions of {@code compute}, {@code merge} and friends arrive serialized,
 * run here under the map's monitor (so each call is atomic against every process), and their
 * result is encoded before it is stored: an unserializable result fails the call and leaves the
 * map unchanged.
 */
final class MapObject extends Managed {

    private final Map<Object, Object> map = new LinkedHashMap<>();

    MapObject(ManagedHost service, String name) {
        super(service, name);
    }

    @Override
    void handle(ManagerOp op, ServiceCall call, ManagerRequest r) {
        switch (op) {
            case MAP_SIZE -> call.reply(ManagerReply.of(map.size()), null);
            case MAP_GET -> {
                // b says whether the key is there, so a key mapped to null is told from an absent one
                Object key = decode(call, 0);
                Object value = map.get(key);
                call.reply(ManagerReply.of(value != null || map.containsKey(key)),
                        value == null ? List.of() : frames(value));
            }
            case MAP_CONTAINS_KEY -> call.reply(ManagerReply.of(map.containsKey(decode(call, 0))), null);
            case MAP_CONTAINS_VALUE -> call.reply(ManagerReply.of(map.containsValue(decode(call, 0))), null);
            case MAP_PUT -> present(call, map.put(decode(call, 0), decode(call, 1)));
            case MAP_PUT_IF_ABSENT -> present(call, map.putIfAbsent(decode(call, 0), decode(call, 1)));
            case MAP_REMOVE -> present(call, map.remove(decode(call, 0)));
            case MAP_REMOVE_IF_EQUALS -> call.reply(ManagerReply.of(map.remove(decode(call, 0), decode(call, 1))), null);
            case MAP_REPLACE -> present(call, map.replace(decode(call, 0), decode(call, 1)));
            case MAP_REPLACE_IF_EQUALS -> call.reply(ManagerReply.of(
                    map.replace(decode(call, 0), decode(call, 1), decode(call, 2))), null);
            case MAP_PUT_ALL -> {
                map.putAll((Map<?, ?>) decode(call, 0));
                call.reply(ManagerReply.NONE, null);
            }
            case MAP_CLEAR -> {
                map.clear();
                call.reply(ManagerReply.NONE, null);
            }
            case MAP_SNAPSHOT -> call.reply(ManagerReply.of(map.size()), frames(new LinkedHashMap<>(map)));
            case MAP_COMPUTE -> {
                Object key = decode(call, 0);
                stored(call, key, bi(call, 1).apply(key, map.get(key)));
            }
            case MAP_COMPUTE_IF_ABSENT -> {
                Object key = decode(call, 0);
                Object old = map.get(key);
                stored(call, key, old != null ? old : fn(call, 1).apply(key));
            }
            case MAP_COMPUTE_IF_PRESENT -> {
                Object key = decode(call, 0);
                Object old = map.get(key);
                stored(call, key, old == null ? null : bi(call, 1).apply(key, old));
            }
            case MAP_MERGE -> {
                Object key = decode(call, 0);
                Object value = decode(call, 1);
                Object old = map.get(key);
                stored(call, key, old == null ? value : bi(call, 2).apply(old, value));
            }
            case MAP_REPLACE_ALL -> {
                BiFunction<Object, Object, Object> f = bi(call, 0);
                Map<Object, Object> next = new LinkedHashMap<>();
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    Object v = f.apply(e.getKey(), e.getValue());
                    encode(v);
                    next.put(e.getKey(), v);
                }
                map.putAll(next);
                call.reply(ManagerReply.NONE, null);
            }
            default -> throw unknownOp(op, name);
        }
    }

    /** Replies with a value that may be absent (null). */
    private static void present(ServiceCall call, Object value) {
        call.reply(ManagerReply.of(value != null), value == null ? List.of() : frames(value));
    }

    /** Stores a function's result (null removes the key) and replies with it. */
    private void stored(ServiceCall call, Object key, Object value) {
        if (value == null) {
            map.remove(key);
            call.reply(ManagerReply.of(false), List.of());
            return;
        }
        byte[] encoded = encode(value);
        map.put(key, value);
        call.reply(ManagerReply.of(true), List.of(encoded));
    }

    @SuppressWarnings("unchecked")
    private BiFunction<Object, Object, Object> bi(ServiceCall call, int i) {
        return (BiFunction<Object, Object, Object>) service.function(call.frames().get(i));
    }

    @SuppressWarnings("unchecked")
    private Function<Object, Object> fn(ServiceCall call, int i) {
        return (Function<Object, Object>) service.function(call.frames().get(i));
    }
}
