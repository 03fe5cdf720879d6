/**
 * Code shipping: where a worker's classes come from ({@link dev.jmp.classes.ClassSource}) and
 * the class loaders that fetch them from the parent.
 */
package dev.jmp.classes;
