/**
 * Rich output from cells: the {@link dev.jmp.kernel.display.Display} functions every cell
 * imports ({@code display}, {@code updateDisplay}, {@code html}, {@code markdown}, {@code svg},
 * {@code png}) and the publisher behind them.
 */
package dev.jmp.kernel.display;
