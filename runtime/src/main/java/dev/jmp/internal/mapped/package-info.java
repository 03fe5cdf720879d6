/**
 * The same-host fast path for shared values and primitive arrays: elements live in a
 * memory-mapped file that every process on the host maps, and are updated in place with atomic
 * {@link java.lang.invoke.VarHandle} access, so an increment costs one atomic instruction and
 * no message.
 *
 * <h2>Backends</h2>
 * The public types ({@code dev.jmp.shared.SharedInt}, {@code SharedLong}, {@code SharedDouble} and
 * their array forms) delegate to a {@link dev.jmp.internal.mapped.Cells} backend of the matching
 * kind and serialize as its {@link dev.jmp.internal.mapped.CellsRef}. Here the only backend is
 * {@link dev.jmp.internal.mapped.MappedCells}; a reference deserialized on another host goes to
 * the {@link dev.jmp.internal.mapped.RemoteCellsFactory} installed with
 * {@link dev.jmp.internal.mapped.RemoteCells#install}, whose backends forward each operation to
 * the owner (which applies it to the same mapped memory, so both paths stay linearizable), or
 * fails with a clear message while none is installed.
 *
 * <p>{@code IntCells}, {@code LongCells}, {@code DoubleCells} and their {@code Mapped*Cells}
 * implementations are generated from {@code runtime/src/main/templates/dev/jmp/internal/mapped}
 * ({@code XCells.java.template}, {@code MappedXCells.java.template}); edit those.
 *
 * <h2>Files and their lifetime</h2>
 * {@link dev.jmp.internal.mapped.MappedHome} keeps one directory per owner process,
 * {@code /dev/shm/jmp-shm-<user>/<pid>-<start>/} (or under {@code java.io.tmpdir}), where the
 * start is the process start time in clock ticks since boot (so a reused pid is told apart). The
 * owner unlinks a file on {@code close()}, or when every object of it in the owner becomes
 * unreachable (a {@link java.lang.ref.Cleaner}); a shutdown hook removes the owner's directory
 * at JVM exit; the first use of shared objects in any later process sweeps directories whose
 * owner is no longer running, so even after {@code kill -9} nothing outlives the next start.
 * Files are filled with zeros before they are mapped, so a full {@code /dev/shm} fails at
 * creation with an error rather than later with {@code SIGBUS}.
 *
 * <h2>Use after close: a state word, never a truncation</h2>
 * On Linux an unlinked file stays valid for every process that still maps it, and a mapping
 * only faults ({@code SIGBUS}) if the file shrinks. So the owner never truncates: to close, it
 * sets the state word in the file's 64-byte header to closed and then unlinks. Every operation
 * first reads that word (an acquire load of a line nobody writes while open, so it stays in
 * every core's cache) and throws an {@link java.lang.IllegalStateException} naming the object
 * once it is closed; a process that deserializes a reference after the unlink gets the same
 * kind of error from the missing file. The memory itself is returned by the kernel when the
 * last process unmaps it (at garbage collection or exit). We rejected keeping files until
 * every user unmaps them: Java cannot enumerate other processes' mappings, and a worker that
 * keeps its proxy would keep the memory forever. If the owner is killed with {@code kill -9},
 * the header is not marked; workers keep using the orphaned memory until they exit, which the
 * runtime makes them do when their parent dies.
 *
 * <p>Same host means same kernel boot and host name (see the boot id in {@code HostIdentity})
 * and a shared {@code /dev/shm}; the random token in each header proves a path still names
 * the file a reference was made for. Processes sharing a {@code /dev/shm} are assumed to share
 * a pid namespace, since the sweep judges owners by pid.
 */
package dev.jmp.internal.mapped;
