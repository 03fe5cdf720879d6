package dev.jmp.internal.wire.message;

import java.util.List;

/**
 * Parent to worker: jars or directories to add to the worker's task class loader.
 *
 * @param paths absolute paths on the worker's host
 */
public record AddClasspath(List<String> paths) implements WireMessage {
}
