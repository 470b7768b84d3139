package org.ortho4j.core.backend;

/**
 * Run in a fresh JVM by {@link BackendConformanceTest} to observe {@link Backends}' one-time
 * selection under a forced {@code -Dorg.ortho4j.backend}: prints {@code active=<name>} and the
 * selection log, or {@code error=} and the exception chain when the selection throws.
 */
public final class BackendsProbe {
    private BackendsProbe() {}

    /** Entry point; arguments are ignored. */
    public static void main(String[] args) {
        try {
            Backend b = Backends.active();
            System.out.println("active=" + b.name());
            for (String line : Backends.log()) System.out.println("log=" + line);
        } catch (Throwable t) {
            for (Throwable e = t; e != null; e = e.getCause()) System.out.println("error=" + e);
        }
    }
}
