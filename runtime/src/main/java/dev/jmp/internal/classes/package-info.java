/**
 * Code shipping: the parent's class server, which answers workers' class requests from the
 * {@link dev.jmp.spi.ClassSource}s a kernel added and from the parent's own classpath, and the
 * worker's class loader, which fetches what its classpath lacks from the parent (and caches it).
 */
package dev.jmp.internal.classes;
