/**
 * What a kernel (or any host) plugs into the runtime and reads from it: where workers' classes
 * come from ({@link dev.jmp.spi.ClassSource}), hooks that add payloads to every task
 * ({@link dev.jmp.spi.TaskPreparer}, {@link dev.jmp.spi.TaskPreparers}, {@link dev.jmp.spi.TaskPayload}),
 * worker output ({@link dev.jmp.spi.OutputListener}, {@link dev.jmp.spi.OutputEvent},
 * {@link dev.jmp.spi.Subscription}), how remote traces print ({@link dev.jmp.spi.TraceFormat}),
 * JShell's class names as users know them ({@link dev.jmp.spi.NotebookNames}), and the records
 * the runtime reports ({@link dev.jmp.spi.WorkerInfo}, {@link dev.jmp.spi.ItemTiming}). Registered
 * through {@code dev.jmp.Jmp}; nothing here depends on the API above or on internals.
 *
 * <p>Two helpers serve the runtime, the magics and the kernel alike, which may not share
 * internals: {@link dev.jmp.spi.Daemons} makes every background thread and timer, and
 * {@link dev.jmp.spi.ObjectDecoder} deserializes bytes with a given class loader.
 */
package dev.jmp.spi;
