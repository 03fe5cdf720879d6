package dev.jmp.kernel.jshell;

/**
 * The value of a cell's final expression.
 *
 * @param value the object itself (may be null when the expression's value is null)
 */
public record CellValue(Object value) {
}
