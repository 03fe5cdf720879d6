package dev.jmp.internal.wire.message;

import com.google.gson.JsonElement;

/**
 * Parent to worker: the answer to a {@link ServiceRequest}. Values travel in the data frames.
 *
 * @param callId the call answered
 * @param result the operation's result record as JSON, when it succeeded
 * @param error  why it failed, or {@code null}
 */
public record ServiceReply(long callId, JsonElement result, ErrorInfo error) implements WireMessage {
}
