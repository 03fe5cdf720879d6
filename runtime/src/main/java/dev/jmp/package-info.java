/**
 * The API a program or a notebook cell uses: {@link dev.jmp.Process}, {@link dev.jmp.ProcessGroup},
 * {@link dev.jmp.Pool},
 * {@link dev.jmp.AsyncResult}, {@link dev.jmp.ResultIterator}, {@link dev.jmp.Queue},
 * {@link dev.jmp.JoinableQueue}, {@link dev.jmp.SimpleQueue}, {@link dev.jmp.Pipe} and
 * {@link dev.jmp.Connection}, the worker context {@link dev.jmp.Worker}, the runtime instance
 * {@link dev.jmp.JmpRuntime} (the default one, or one built with its own settings, handed to
 * processes, pools and managers), and the default runtime's settings and hooks {@link dev.jmp.Jmp}. Shared objects live in {@code dev.jmp.shared}, the serializable
 * function types in {@code dev.jmp.function}, the exceptions in {@code dev.jmp.error}, the
 * extension points a kernel uses in {@code dev.jmp.spi} and {@code dev.jmp.launch}; the machinery
 * is in {@code dev.jmp.internal.*}, which no signature here exposes.
 */
package dev.jmp;
