package org.ortho4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parsing helpers for the parameters of the toolkit cases and {@link QuickToolkit}'s options. */
final class BenchArgs {
    private BenchArgs() {}

    /**
     * The element type, lower-cased.
     *
     * @throws IllegalArgumentException unless {@code double} or {@code float}
     */
    static String dtype(String dtype) {
        String d = dtype.toLowerCase(Locale.ROOT);
        if (!d.equals("double") && !d.equals("float"))
            throw new IllegalArgumentException("dtype = " + dtype + ", expected double or float");
        return d;
    }

    /**
     * Comma-separated integers, each at least {@code min}.
     *
     * @throws IllegalArgumentException naming {@code key} otherwise
     */
    static int[] ints(String key, String v, int min) {
        try {
            int[] x = Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int e : x) if (e < min) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = " + v + ", expected comma-separated integers >= " + min, e);
        }
    }

    /** One integer of at least {@code min}; see {@link #ints}. */
    static int integer(String key, String v, int min) {
        int[] x = ints(key, v, min);
        if (x.length != 1) throw new IllegalArgumentException(key + " = " + v + ", expected one integer >= " + min);
        return x[0];
    }

    /**
     * A positive number.
     *
     * @throws IllegalArgumentException naming {@code key} otherwise
     */
    static double positive(String key, String v) {
        try {
            double x = Double.parseDouble(v);
            if (x > 0 && Double.isFinite(x)) return x;
        } catch (NumberFormatException e) { /* reported below */ }
        throw new IllegalArgumentException(key + " = " + v + ", expected a positive number");
    }

    /** Comma-separated, trimmed, non-empty words. */
    static List<String> words(String key, String v) {
        List<String> w = Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (w.isEmpty()) throw new IllegalArgumentException(key + " = '" + v + "', expected a comma-separated list");
        return w;
    }
}
