/**
 * The shared-object manager's machinery: the {@code jmp.manager} service hosted in the parent
 * ({@link dev.jmp.internal.manager.ManagerService}), the shared objects it holds (maps, lists, values,
 * locks and their conditions, semaphores, events, barriers, queues, primitive arrays), their
 * waiting calls and dead-holder release, the proxies' side of the protocol
 * ({@link dev.jmp.internal.manager.ManagerCalls}; a proxy finds the runtime hosting its manager by
 * the manager's id, in {@code ManagerHomes}), and the cells that put a {@code SharedIntArray} (and
 * the long and double ones) on a manager-held array ({@link dev.jmp.internal.manager.ManagerCellsRef};
 * {@code ManagerIntCells}, {@code ManagerLongCells} and {@code ManagerDoubleCells} are generated from
 * {@code runtime/src/main/templates/dev/jmp/internal/manager/ManagerXCells.java.template}).
 * The API users type ({@code Manager}, {@code SharedMap}, {@code SharedLock} ...) lives in
 * {@code dev.jmp.shared}. Operations and their arguments are listed in {@code runtime/README.md}
 * ("Shared state").
 */
package dev.jmp.internal.manager;
