// GENERATED from DoubleFwhtKernel.java by ortho4j-core/src/build/GenerateFloatTwins.java — do not edit
package org.ortho4j.core.transform;

import org.ortho4j.core.backend.Parallel;

/**
 * In-place unnormalized fast Walsh–Hadamard butterflies on {@code a[off .. off+n)}, n a power of
 * two, natural (Sylvester) order: after the call the block holds {@code H_n x} with
 * {@code H_n = H_2 ⊗ ... ⊗ H_2}, {@code H_2 = [[1, 1], [1, -1]]}. Generated from
 * {@code DoubleFwhtKernel}.
 *
 * <p>Cache blocking: all stages with half-width below {@link Fwht#BLOCK} run inside
 * L1/L2-sized blocks (one pass over memory); the remaining log2(n / BLOCK) stages each sweep the
 * array once. Both phases split into chunks whose number does not depend on the thread count, and
 * each butterfly is the same two operations whatever the split, so the result is bit-for-bit the
 * same for any number of threads.
 */
final class FloatFwhtKernel {
    private FloatFwhtKernel() {}

    static void transform(float[] a, int off, int n) {
        int block = Math.min(n, Fwht.BLOCK);
        int blocks = n / block;
        long work = (long) n * Integer.numberOfTrailingZeros(n);
        Parallel.forEachChunk(blocks, work, c -> inBlock(a, off + c * block, block));
        // cross-block stages: butterflies between a[i] and a[i + h] for h >= block
        for (int h = block; h < n; h <<= 1) {
            final int fh = h;
            int span = Math.min(h, Fwht.BLOCK);
            int chunks = (n >> 1) / span;
            Parallel.forEachChunk(chunks, n, c -> {
                int t = c * span;                 // index of the first butterfly in this chunk
                int i = (t / fh) * (fh << 1) + (t % fh) + off;
                for (int j = i, e = i + span; j < e; j++) {
                    float x = a[j], y = a[j + fh];
                    a[j] = x + y;
                    a[j + fh] = x - y;
                }
            });
        }
    }

    private static void inBlock(float[] a, int s, int len) {
        if (len < 2) return;
        int e = s + len;
        for (int i = s; i < e; i += 2) {                 // h = 1
            float x = a[i], y = a[i + 1];
            a[i] = x + y;
            a[i + 1] = x - y;
        }
        for (int h = 2; h < len; h <<= 1)
            for (int i = s; i < e; i += h << 1)
                for (int j = i, je = i + h; j < je; j++) {
                    float x = a[j], y = a[j + h];
                    a[j] = x + y;
                    a[j + h] = x - y;
                }
    }

    /** {@code a[off .. off+n) *= scale}. */
    static void scale(float[] a, int off, int n, float scale) {
        for (int i = off, e = off + n; i < e; i++) a[i] *= scale;
    }
}
