package dev.jmp.internal.wire.message;


/**
 * Worker to parent: the worker cannot find a class (or resource) on its own classpath.
 *
 * @param requestId correlates the reply
 * @param name      a class binary name, or a resource path when {@code resource} is true
 * @param resource  whether {@code name} is a resource path
 */
public record ClassRequest(long requestId, String name, boolean resource) implements WireMessage {
}
