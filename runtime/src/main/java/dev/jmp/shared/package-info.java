/**
 * Shared state across processes: the {@link dev.jmp.shared.Manager} that hosts shared objects in
 * the parent, the {@link dev.jmp.shared.Shared} factory, and every shared object
 * ({@code SharedMap}, {@code SharedList}, {@code SharedLock}, {@code SharedInt} ...). Values and
 * primitive arrays made by {@code Shared} are memory-mapped on one host; the others are proxies
 * of a manager's objects (those {@code Shared} makes, such as {@code Shared.lock()}, of the
 * runtime's implicit manager, {@code ImplicitManager}). The proxies' and mapped objects' common parts are package-private
 * here; their machinery is in {@code dev.jmp.internal.manager} and {@code dev.jmp.internal.mapped}.
 * {@code SharedInt}, {@code SharedLong}, {@code SharedDouble} and their {@code *Array} forms are
 * generated at build time from {@code runtime/src/main/templates/dev/jmp/shared}
 * ({@code SharedX.java.template}, {@code SharedXArray.java.template}).
 */
package dev.jmp.shared;
