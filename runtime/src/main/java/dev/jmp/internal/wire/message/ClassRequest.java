package dev.jmp.internal.wire.message;


/**
 * Worker to parent: the worker cannot find a class (or resource) on its own classpath.
 *
 * @param requestId correlates the reply
 * @param name      a class binary name, or a resource path when {@code resource} is true
 * @param resource  whether {@code name} is a resource path
 * @param digestFirst whether the worker keeps a class cache on its host and would take the
 *                  bytes' digest instead of the bytes (which it then asks for only if its cache
 *                  lacks them)
 */
public record ClassRequest(long requestId, String name, boolean resource, boolean digestFirst) implements WireMessage {
}
