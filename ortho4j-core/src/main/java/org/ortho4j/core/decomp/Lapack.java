package org.ortho4j.core.decomp;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Chooses the LAPACK implementation every decomposition in this package calls (once per JVM).
 *
 * <p>By default this is {@link LAPACK#getInstance()}: dev.ludovic.netlib's best, i.e. the system
 * LAPACK through JNI when one loads ({@code liblapack.so.3}; OpenBLAS's on Debian), else the
 * pure-Java F2J translation of reference LAPACK. The JNI path needs
 * {@code net.sourceforge.f2j:arpack_combined_all} on the class path (a dependency of
 * ortho4j-core), which provides {@code org.netlib.util.intW} and friends.
 *
 * <p>The system property {@value #PROPERTY} = {@code java | native} forces one implementation.
 * {@code native} that cannot load fails class initialisation with the reason instead of silently
 * running the Java build. The choice is logged once at INFO on logger {@code org.ortho4j}.
 *
 * <p><b>Speed of the Java build.</b> Several F2J routines (notably the {@code dlaqr*} /
 * {@code dhseqr} family behind {@code dgeev}) are single methods larger than HotSpot's 8000-byte
 * JIT limit and so run interpreted, making e.g. a 100 x 100 {@code dgeev} about 15 times slower.
 * Starting the JVM with {@code -XX:-DontCompileHugeMethods} lets them be compiled.
 *
 * <p>Every decomposition also has a constructor taking a {@link LAPACK}, so one JVM can compare
 * implementations (the test suite runs everything with both the default and {@code java}).
 */
public final class Lapack {
    private Lapack() {}

    /** System property that forces an implementation: {@code java} or {@code native}. */
    public static final String PROPERTY = "org.ortho4j.lapack";

    private static final class Holder {
        static final LAPACK ACTIVE = fromProperty(System.getProperty(PROPERTY));
        static {
            Logger.getLogger("org.ortho4j").info("ortho4j LAPACK: " + describe(ACTIVE));
        }
    }

    /** The LAPACK used when none is passed explicitly (see the class comment). */
    public static LAPACK get() { return Holder.ACTIVE; }

    /**
     * Loads an implementation by name regardless of the active one.
     *
     * @param name {@code java} (netlib's pure-Java F2J build), {@code native} (system LAPACK via
     *     JNI) or {@code default} ({@link LAPACK#getInstance()}); case-insensitive
     * @throws IllegalArgumentException for any other name
     * @throws IllegalStateException if {@code native} cannot load here, with the reason
     */
    public static LAPACK byName(String name) {
        if (name == null) throw new IllegalArgumentException("name is null, expected java, native or default");
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "java": return JavaLAPACK.getInstance();
            case "default": return LAPACK.getInstance();
            case "native":
                try {
                    return NativeLAPACK.getInstance();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("native LAPACK not available: " + e, e);
                }
            default:
                throw new IllegalArgumentException("name = " + name + ", expected java, native or default");
        }
    }

    /** A one-line description: implementation class and, for JNI, the library it loaded. */
    public static String describe(LAPACK lapack) {
        String cls = lapack.getClass().getSimpleName();
        return lapack instanceof NativeLAPACK
                ? cls + " (system LAPACK " + System.getProperty("dev.ludovic.netlib.lapack.nativeLib", "liblapack.so.3") + ")"
                : cls + " (pure Java, F2J translation of reference LAPACK)";
    }

    /** Interprets a value of {@value #PROPERTY}: null or blank means the default. */
    static LAPACK fromProperty(String value) {
        if (value == null || value.isBlank()) return LAPACK.getInstance();
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("java") && !v.equals("native"))
            throw new IllegalArgumentException(PROPERTY + " = " + value + ", expected java or native");
        return byName(v);
    }
}
