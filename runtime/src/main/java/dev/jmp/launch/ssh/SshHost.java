package dev.jmp.launch.ssh;

/**
 * One host of an {@code ssh} group and how many workers it runs.
 *
 * @param name  the host as {@code ssh} takes it (a name, an alias of the ssh config, an address)
 * @param count its workers, 1 to {@value SshOptions#MAX_PER_HOST}
 */
record SshHost(String name, int count) {

    @Override
    public String toString() {
        return count == 1 ? name : name + ":" + count;
    }
}
