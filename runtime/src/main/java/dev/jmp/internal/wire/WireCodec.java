package dev.jmp.internal.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import dev.jmp.internal.wire.message.AddClasspath;
import dev.jmp.internal.wire.message.Assign;
import dev.jmp.internal.wire.message.CancelTasks;
import dev.jmp.internal.wire.message.ClassReply;
import dev.jmp.internal.wire.message.ClassRequest;
import dev.jmp.internal.wire.message.Heartbeat;
import dev.jmp.internal.wire.message.Hello;
import dev.jmp.internal.wire.message.RunTasks;
import dev.jmp.internal.wire.message.ServiceBatch;
import dev.jmp.internal.wire.message.ServiceReply;
import dev.jmp.internal.wire.message.ServiceRequest;
import dev.jmp.internal.wire.message.Shutdown;
import dev.jmp.internal.wire.message.StatsReply;
import dev.jmp.internal.wire.message.StatsRequest;
import dev.jmp.internal.wire.message.TaskResults;
import dev.jmp.internal.wire.message.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one codec for control messages: Gson configured once, and the registry of message types
 * by name. Later features add message types with {@link #register(Class)} instead of editing
 * the core; most need none, since named services ride on {@code ServiceRequest}.
 */
public final class WireCodec {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final WireCodec STANDARD = new WireCodec()
            .register(Hello.class).register(Heartbeat.class).register(Assign.class)
            .register(RunTasks.class).register(TaskResults.class).register(CancelTasks.class)
            .register(ClassRequest.class).register(ClassReply.class).register(AddClasspath.class)
            .register(ServiceRequest.class).register(ServiceReply.class)
            .register(ServiceBatch.class)
            .register(StatsRequest.class).register(StatsReply.class).register(Shutdown.class);

    private final Map<String, Class<? extends WireMessage>> types = new ConcurrentHashMap<>();

    /** Type adapters by class: Gson's own lookup per call costs more than a small message. */
    private static final ClassValue<com.google.gson.TypeAdapter<?>> ADAPTERS = new ClassValue<>() {
        @Override
        protected com.google.gson.TypeAdapter<?> computeValue(Class<?> type) {
            return GSON.getAdapter(type);
        }
    };

    @SuppressWarnings("unchecked")
    private static <T> com.google.gson.TypeAdapter<T> adapter(Class<T> type) {
        return (com.google.gson.TypeAdapter<T>) ADAPTERS.get(type);
    }

    @SuppressWarnings("unchecked")
    private static <T> String json(T value) {
        return adapter((Class<T>) value.getClass()).toJson(value);
    }

    private static <T> T parse(String text, Class<T> type) {
        try {
            return adapter(type).fromJson(text);
        } catch (java.io.IOException e) {
            throw new JsonParseException(e);
        }
    }

    /** Returns the codec that knows every built-in message type. */
    public static WireCodec standard() {
        return STANDARD;
    }

    /** Returns the shared Gson instance, for services that encode their own argument records. */
    public static Gson gson() {
        return GSON;
    }

    /**
     * Registers a message type under its simple class name.
     *
     * @throws IllegalArgumentException if another class already has that name
     */
    public WireCodec register(Class<? extends WireMessage> type) {
        Class<? extends WireMessage> prior = types.putIfAbsent(type.getSimpleName(), type);
        if (prior != null && prior != type) {
            throw new IllegalArgumentException("wire type name " + type.getSimpleName()
                    + " is taken by " + prior.getName());
        }
        return this;
    }

    /** Returns the class registered under a type name, or {@code null}. */
    public Class<? extends WireMessage> typeOf(String name) {
        return types.get(name);
    }

    /** Returns the wire name of a message. */
    public String nameOf(WireMessage body) {
        return body.getClass().getSimpleName();
    }

    byte[] encodeHeader(Header h) {
        return json(h).getBytes(StandardCharsets.UTF_8);
    }

    Header decodeHeader(byte[] bytes) {
        Header h = parse(new String(bytes, StandardCharsets.UTF_8), Header.class);
        if (h == null || h.type() == null || h.from() == null || h.to() == null) {
            throw new JsonParseException("incomplete header");
        }
        return h;
    }

    /** Encodes a message body as UTF-8 JSON. */
    public byte[] encodeBody(WireMessage body) {
        return json(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a message body of a registered type. */
    public WireMessage decodeBody(Class<? extends WireMessage> type, byte[] bytes) {
        WireMessage m = parse(new String(bytes, StandardCharsets.UTF_8), type);
        if (m == null) {
            throw new JsonParseException("empty body");
        }
        return m;
    }

    /** Converts a JSON tree (a service argument) to a record. */
    public static <T> T fromTree(JsonElement tree, Class<T> type) {
        return adapter(type).fromJsonTree(tree);
    }

    /** Converts a record to a JSON tree (a service argument). */
    @SuppressWarnings("unchecked")
    public static <T> JsonElement toTree(T value) {
        if (value instanceof JsonElement tree) {
            return tree; // passed on as it came (a call a worker forwards to its parent)
        }
        return adapter((Class<T>) value.getClass()).toJsonTree(value);
    }
}
