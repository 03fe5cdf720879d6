/**
 * The shared-object manager's machinery: the {@code jmp.manager} service hosted in the parent
 * ({@link dev.jmp.manager.ManagerService}), the shared objects it holds (maps, lists, values,
 * locks and their conditions, semaphores, events, barriers, queues), their waiting calls and
 * dead-holder release, and the proxies' side of the protocol ({@link dev.jmp.manager.ManagerCalls}).
 * The API users type ({@code Manager}, {@code SharedMap}, {@code SharedLock} ...) lives in
 * {@code dev.jmp}. Operations and their arguments are listed in {@code runtime/README.md}
 * ("Shared state").
 */
package dev.jmp.manager;
