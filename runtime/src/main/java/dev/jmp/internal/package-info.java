/**
 * The runtime's machinery, by role: {@code wire} (and {@code wire.message}), {@code serial},
 * {@code classes}, {@code mapped}, {@code util} at the bottom; {@code service}, then
 * {@code worker}, then {@code supervisor}; {@code pool} and {@code manager} on top. Nothing outside
 * the runtime uses these packages, and no exported signature names their types (the install
 * module's {@code ArchitectureTest} checks both); they may change at any time.
 */
package dev.jmp.internal;
