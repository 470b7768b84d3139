package org.ortho4j.testkit;

import java.util.SplittableRandom;

/** Seeded random arrays and precision conversions for tests. */
public final class TestArrays {
    private TestArrays() {}

    /** {@code count} values uniform on [-1, 1) drawn from {@code rng}. */
    public static double[] uniform(SplittableRandom rng, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = rng.nextDouble(-1, 1);
        return v;
    }

    /** {@code x} rounded to float, element by element. */
    public static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }
}
