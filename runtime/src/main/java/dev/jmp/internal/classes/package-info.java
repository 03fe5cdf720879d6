/**
 * Code shipping: where a worker's classes come from ({@link dev.jmp.spi.ClassSource}) and
 * the class loaders that fetch them from the parent, and the {@link dev.jmp.spi.TaskPreparer}
 * hook through which a task carries payloads (the notebook variables it reads) to its worker.
 */
package dev.jmp.internal.classes;
