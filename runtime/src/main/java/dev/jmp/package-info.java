/**
 * The API a program or a notebook cell uses: {@link dev.jmp.Process}, {@link dev.jmp.Pool},
 * {@link dev.jmp.AsyncResult}, {@link dev.jmp.ResultIterator}, {@link dev.jmp.Queue},
 * {@link dev.jmp.JoinableQueue}, {@link dev.jmp.SimpleQueue}, {@link dev.jmp.Pipe} and
 * {@link dev.jmp.Connection}, the worker context {@link dev.jmp.Worker}, the runtime's settings
 * and hooks {@link dev.jmp.Jmp}, the serializable function types, and the exceptions. Everything
 * else in the runtime is machinery in role packages.
 */
package dev.jmp;
