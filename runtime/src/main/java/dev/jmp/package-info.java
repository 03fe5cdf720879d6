/**
 * The API a program or a notebook cell uses: {@link dev.jmp.Process} and
 * {@link dev.jmp.ProcessGroup}, {@link dev.jmp.Pool} with {@link dev.jmp.AsyncResult} and
 * {@link dev.jmp.ResultIterator}, the queues {@link dev.jmp.Queue}, {@link dev.jmp.JoinableQueue}
 * and {@link dev.jmp.SimpleQueue}, {@link dev.jmp.Pipe} and {@link dev.jmp.Connection}, the
 * worker context {@link dev.jmp.Worker}, the runtime instance {@link dev.jmp.JmpRuntime} (the
 * default one, or one built with its own settings, handed to processes, pools and managers), and
 * the default runtime's settings and hooks {@link dev.jmp.Jmp}.
 *
 * <p>Shared objects live in {@code dev.jmp.shared}, the serializable function types in
 * {@code dev.jmp.function}, the exceptions in {@code dev.jmp.error}, the extension points a
 * kernel uses in {@code dev.jmp.spi} and {@code dev.jmp.launch}. The machinery is in
 * {@code dev.jmp.internal.*}, which no public signature here exposes; this package's only
 * non-public type, {@code PoolExecutor}, is the {@code ExecutorService} view of a pool.
 */
package dev.jmp;
