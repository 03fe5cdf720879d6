/**
 * What notebook code calls besides the display functions: {@link dev.jmp.kernel.notebook.NotebookMagics}
 * runs magics from Java, as IJava's {@code lineMagic}/{@code cellMagic} do. Every cell imports its
 * methods statically.
 */
package dev.jmp.kernel.notebook;
