package dev.jmp.kernel;

/** The kernel's version, from the jar manifest (or "dev" when run from classes). */
public final class KernelVersion {

    /** The version string. */
    public static final String VERSION = version();

    private KernelVersion() {
    }

    private static String version() {
        String v = KernelVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
