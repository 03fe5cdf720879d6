/**
 * {@code %cluster}: named groups of workers on other hosts ({@code start}, {@code list},
 * {@code stop}), through the runtime's {@link dev.jmp.Cluster}; {@code --on NAME} of
 * {@code %%pool}, {@code %%spawn} and {@code %workers} finds a group through {@link ClusterMagics#runtime}.
 */
package dev.jmp.magics.cluster;
