/**
 * The seam between the kernel and the multiprocess runtime: class shipping, result loading,
 * the snapshot of notebook variables that travels with each task, worker output handed to
 * {@code render.OutputDispatcher}, class path forwarding and shutdown.
 * {@link dev.jmp.magics.bridge.RuntimeBridge} is the {@link dev.jmp.magics.MagicsProvider} that
 * sets it up and registers the runtime's magics.
 */
package dev.jmp.magics.bridge;
