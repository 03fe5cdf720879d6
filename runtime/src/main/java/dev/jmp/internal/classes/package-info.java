/**
 * Code shipping: the parent's class server, which answers workers' class requests from the
 * {@link dev.jmp.spi.ClassSource}s a kernel added and from the parent's own classpath, and the
 * worker's class loader, which fetches what its classpath lacks from the parent (and caches it). In
 * a worker, the class server asks the worker's own parent for what it cannot serve, so processes
 * a worker starts get the classes it gets.
 */
package dev.jmp.internal.classes;
