package org.ortho4j.core.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Picks the active {@link Backend} once (model: Lucene's {@code VectorizationProvider}).
 *
 * <p>Order of checks when no backend is forced: {@code native} (a system BLAS loads through
 * dev.ludovic.netlib), then {@code vector} (the {@code ortho4j-vector} module is on the class path
 * and {@code jdk.incubator.vector} is present), then {@code java}. Each failed check is remembered
 * as one line ({@link #log()}); the choice itself is logged once at INFO on logger
 * {@code org.ortho4j}.
 *
 * <p>The system property {@code org.ortho4j.backend} = {@code java | vector | native} forces one;
 * if the forced backend cannot load, class initialisation fails with the reason rather than
 * silently running another backend.
 */
public final class Backends {
    private Backends() {}

    /** System property that forces a backend. */
    public static final String PROPERTY = "org.ortho4j.backend";
    /** Fully qualified class name of the Vector API backend in module ortho4j-vector. */
    public static final String VECTOR_CLASS = "org.ortho4j.vector.VectorBackend";

    private static final class Holder {
        static final List<String> LOG = new ArrayList<>();
        static final Backend ACTIVE = select();
    }

    /** The backend all dense kernels above the small-size threshold use. */
    public static Backend active() { return Holder.ACTIVE; }

    /** Why each backend was or was not chosen, one line each. */
    public static List<String> log() {
        active();
        return List.copyOf(Holder.LOG);
    }

    /**
     * Loads a backend by name regardless of the active one ({@code java}, {@code vector} or
     * {@code native}), e.g. to compare backends in tests and benchmarks.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException if that backend cannot load here, with the reason
     */
    public static Backend byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "java": return JavaBackend.INSTANCE;
            case "native": return NativeBackend.load();
            case "vector": return loadVector();
            default: throw new IllegalArgumentException("backend = " + name + ", expected java, vector or native");
        }
    }

    /** Names of the backends that load on this machine, in preference order. */
    public static List<String> available() {
        List<String> out = new ArrayList<>();
        for (String n : List.of("native", "vector", "java")) {
            try { byName(n); out.add(n); } catch (RuntimeException | LinkageError e) { /* not here */ }
        }
        return out;
    }

    private static Backend loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty())
            throw new IllegalStateException("vector backend not available: jdk.incubator.vector is not in the boot layer "
                    + "(start the JVM with --add-modules jdk.incubator.vector)");
        try {
            Class<?> cls = Class.forName(VECTOR_CLASS);
            return (Backend) cls.getField("INSTANCE").get(null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("vector backend not available: " + VECTOR_CLASS
                    + " is not on the class path (add module ortho4j-vector)", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("vector backend not available: " + e, e);
        }
    }

    private static Backend select() {
        String forced = System.getProperty(PROPERTY);
        Backend chosen;
        if (forced != null && !forced.isBlank()) {
            chosen = byName(forced.trim());
            Holder.LOG.add(chosen.name() + ": forced by -D" + PROPERTY + "=" + forced);
        } else {
            chosen = null;
            for (String n : List.of("native", "vector")) {
                try {
                    chosen = byName(n);
                    Holder.LOG.add(n + ": loaded, " + chosen.describe());
                    break;
                } catch (RuntimeException | LinkageError e) {
                    Holder.LOG.add(n + ": skipped, " + e.getMessage());
                }
            }
            if (chosen == null) {
                chosen = JavaBackend.INSTANCE;
                Holder.LOG.add("java: fallback, " + chosen.describe());
            }
        }
        Logger.getLogger("org.ortho4j").info("ortho4j backend: " + chosen.name() + " (" + chosen.describe() + ")");
        return chosen;
    }
}
