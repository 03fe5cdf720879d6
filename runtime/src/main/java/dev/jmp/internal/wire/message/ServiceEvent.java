package dev.jmp.internal.wire.message;

import com.google.gson.JsonElement;

/**
 * Parent to worker, unsolicited: a service pushes an event (for example a state change a
 * worker subscribed to). Values travel in the data frames.
 *
 * @param service the service name
 * @param topic   what happened
 * @param payload details as JSON
 */
public record ServiceEvent(String service, String topic, JsonElement payload) implements WireMessage {
}
