package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The handlers of one endpoint by message type, and the dispatch of a verified message to its
 * handler: a handler that throws is counted and logged, never allowed to end the receive thread.
 */
final class HandlerTable {

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");
    private final Map<Class<?>, MessageHandler<?>> handlers = new ConcurrentHashMap<>();
    private final AtomicLong handlerErrors;

    /** @param handlerErrors the counter of handlers that threw */
    HandlerTable(AtomicLong handlerErrors) {
        this.handlerErrors = handlerErrors;
    }

    /** Registers the handler for one message type (replacing any earlier one). */
    <T extends WireMessage> void on(Class<T> type, MessageHandler<T> handler) {
        handlers.put(type, handler);
    }

    /** Whether a type has a handler. */
    boolean handles(Class<? extends WireMessage> type) {
        return handlers.containsKey(type);
    }

    /** Hands a verified message to its type's handler (registered, since the verifier asked). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void dispatch(Class<? extends WireMessage> type, Inbound<?> inbound) {
        MessageHandler handler = handlers.get(type);
        try {
            handler.handle((Inbound) inbound);
        } catch (Exception | LinkageError e) {
            handlerErrors.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "handler for " + inbound.header().type() + " failed", e);
        }
    }
}
