package dev.jmp.internal.mapped;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.IOException;

/**
 * What a mapped shared object serializes to: the owner's host, the file's path and the random
 * token in its header, the element kind and length, the owner's pid and the object's name.
 * {@link #open()} maps the same file when this process is on the owner's host; elsewhere it
 * hands the reference to the installed {@link RemoteCellsFactory}, or fails with a clear
 * message while there is none.
 */
public final class MappedRef implements CellsRef {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final String path;
    private final ElementKind kind;
    private final int length;
    private final long tokenHi;
    private final long tokenLo;
    private final long ownerPid;
    private final String name;

    MappedRef(String host, String path, ElementKind kind, int length, long tokenHi, long tokenLo,
              long ownerPid, String name) {
        this.host = host;
        this.path = path;
        this.kind = kind;
        this.length = length;
        this.tokenHi = tokenHi;
        this.tokenLo = tokenLo;
        this.ownerPid = ownerPid;
        this.name = name;
    }

    /**
     * Returns the identity of the owner's host (host name and boot id).
     *
     * @return the host the file lives on
     */
    public String host() {
        return host;
    }

    /**
     * Returns the absolute path of the mapped file on the owner's host; a remote backend can
     * use it as the object's id when asking the owner.
     *
     * @return the file path
     */
    public String path() {
        return path;
    }

    @Override
    public ElementKind kind() {
        return kind;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Returns the pid of the process that owns the file.
     *
     * @return the owner pid
     */
    public long ownerPid() {
        return ownerPid;
    }

    long tokenHi() {
        return tokenHi;
    }

    long tokenLo() {
        return tokenLo;
    }

    boolean sameFile(MappedRef other) {
        return path.equals(other.path) && tokenHi == other.tokenHi && tokenLo == other.tokenLo;
    }

    /** The host name and boot this process runs on, as {@link #host()} names an owner's. */
    public static String hostHere() {
        return HostIdentity.current();
    }

    /** Two references are equal when they name the same array: the same file with the same token. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MappedRef m && host.equals(m.host) && sameFile(m);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(host, path, tokenHi, tokenLo);
    }

    @Override
    public Cells open() {
        String here = HostIdentity.current();
        if (!host.equals(here)) {
            return RemoteCells.open(this, here);
        }
        return MappedCells.attach(MappedRegion.open(this));
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (host == null || path == null || kind == null || name == null || length < 1) {
            throw new InvalidObjectException("corrupt reference to a shared object: " + this);
        }
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase() + "[" + length + "] at " + path + " on " + host + ")";
    }
}
