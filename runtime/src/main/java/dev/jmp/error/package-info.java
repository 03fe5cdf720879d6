/**
 * The exceptions jmp's API throws. All but one extend {@link dev.jmp.error.JmpException}:
 * {@link dev.jmp.error.RemoteException} (an exception from another process, printed like the
 * original), {@code SerializationException}, {@code WorkerDiedException}, the wait failures and
 * the queue and pipe ones. {@link dev.jmp.error.ManagerClosedException} stays an
 * {@link java.lang.IllegalStateException}, as it always was. {@link dev.jmp.error.ErrorCode} says what
 * kind of failure each is, as a value that crosses processes ({@code JmpException.code()},
 * {@code RemoteException.code()}), so nothing recognises a failure by class name or message.
 * They depend only on {@code dev.jmp.spi} (the trace formatter).
 */
package dev.jmp.error;
