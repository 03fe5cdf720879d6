package dev.jmp.internal.wire.message;

import com.google.gson.JsonElement;

/**
 * Worker to parent: a call to a named service hosted in the parent (queues, pipes, the shared
 * object manager). Values travel in the data frames.
 *
 * @param callId  correlates the reply; unused when one-way
 * @param service the service name
 * @param op      the operation
 * @param args    operation arguments (a service-specific record as JSON)
 * @param oneWay  whether the caller expects no reply
 */
public record ServiceRequest(long callId, String service, String op, JsonElement args, boolean oneWay)
        implements WireMessage {
}
