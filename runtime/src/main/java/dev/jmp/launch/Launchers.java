package dev.jmp.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds launchers by short name through {@link ServiceLoader}. */
public final class Launchers {

    private Launchers() {
    }

    /**
     * Returns the launcher called {@code name}.
     *
     * @throws IllegalArgumentException naming the known launchers if there is none by that name
     */
    public static Launcher byName(String name) {
        List<String> known = new ArrayList<>();
        for (Launcher l : ServiceLoader.load(Launcher.class, Launchers.class.getClassLoader())) {
            if (l.name().equals(name)) {
                return l;
            }
            known.add(l.name());
        }
        throw new IllegalArgumentException("no launcher named '" + name + "'; known launchers: " + known);
    }
}
