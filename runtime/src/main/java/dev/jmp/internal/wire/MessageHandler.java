package dev.jmp.internal.wire;

import dev.jmp.internal.wire.message.WireMessage;

/**
 * Handles one type of inbound message on the endpoint's I/O thread. Handlers must not block:
 * anything slow (class loading, decoding user values, user callbacks) belongs on another thread.
 *
 * @param <T> the body type
 */
@FunctionalInterface
public interface MessageHandler<T extends WireMessage> {

    /** Handles a verified message. */
    void handle(Inbound<T> message) throws Exception;
}
