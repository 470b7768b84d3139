package org.ortho4j.core.perm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.Rng;

/**
 * An immutable permutation {@code p} of {@code {0, ..., n-1}}, stored as its image array:
 * {@code p.get(i) = p(i)}.
 *
 * <h2>Conventions (numpy / MATLAB "gather" convention)</h2>
 * <ul>
 *   <li>{@link #apply(double[]) apply}: {@code y[i] = x[p(i)]}, numpy's {@code x[p]};</li>
 *   <li>{@link #permuteRows(Matrix) permuteRows}: row {@code i} of the result is row {@code p(i)}
 *       of {@code A} ({@code A[p, :]});</li>
 *   <li>{@link #permuteColumns(Matrix) permuteColumns}: column {@code j} of the result is column
 *       {@code p(j)} of {@code A} ({@code A[:, p]});</li>
 *   <li>{@link #toMatrix()}: {@code P} with {@code P[i][p(i)] = 1} ({@code eye(n)[p]}), so that
 *       {@code apply(x) = P x}, {@code permuteRows(A) = P A} and {@code permuteColumns(A) = A Pᵀ};</li>
 *   <li>{@link #compose(Permutation) compose}: {@code (p∘q)(i) = p(q(i))}. With the gather
 *       convention this gives {@code x[p∘q] = (x[p])[q]}, i.e.
 *       {@code (p∘q).apply(x) = q.apply(p.apply(x))} and {@code matrix(p∘q) = matrix(q)·matrix(p)}.</li>
 * </ul>
 *
 * <p>The square result of {@link LinearAssignment} is such a permutation: row {@code i} is assigned
 * column {@code p(i)}, and {@code p.permuteColumns(C)} carries the assignment onto the diagonal.
 *
 * <p>Instances are immutable and thread-safe; every method that returns an array or a matrix
 * returns a fresh one unless it is documented as in-place.
 */
public final class Permutation {
    private static final int TO_STRING_LIMIT = 32;
    private final int[] p;

    private Permutation(int[] images) { this.p = images; }

    // ------------------------------------------------------------------ factories

    /** The identity of size {@code n >= 0}. O(n). */
    public static Permutation identity(int n) {
        Check.nonNegative("n", n);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return new Permutation(a);
    }

    /**
     * The permutation with the given images ({@code i -> images[i]}); the array is copied.
     * O(n) time, O(n) extra space.
     *
     * @throws IllegalArgumentException naming the first entry that is out of {@code [0, n-1]} or
     *         repeats an earlier one (the permutation is read left to right)
     */
    public static Permutation of(int... images) {
        Check.notNull("images", images);
        int n = images.length;
        int[] a = images.clone();
        int[] firstAt = new int[n];
        Arrays.fill(firstAt, -1);
        for (int i = 0; i < n; i++) {
            int v = a[i];
            if (v < 0 || v >= n)
                throw new IllegalArgumentException("images[" + i + "] = " + v + ", expected in [0, " + (n - 1)
                        + "] (a permutation of 0.." + (n - 1) + ")");
            if (firstAt[v] >= 0)
                throw new IllegalArgumentException("images[" + i + "] = " + v + " duplicates images[" + firstAt[v]
                        + "], expected each of 0.." + (n - 1) + " exactly once");
            firstAt[v] = i;
        }
        return new Permutation(a);
    }

    /** The transposition of size {@code n} that swaps {@code i} and {@code j} (the identity if {@code i == j}). */
    public static Permutation transposition(int n, int i, int j) {
        Permutation id = identity(n);
        Check.inRange("i", i, 0, n - 1);
        Check.inRange("j", j, 0, n - 1);
        id.p[i] = j;
        id.p[j] = i;
        return id;
    }

    /** A uniformly random permutation of size {@code n} from {@code Rng.of(seed)}; see {@link #random(int, RandomGenerator)}. */
    public static Permutation random(int n, long seed) { return random(n, Rng.of(seed)); }

    /**
     * A uniformly random permutation of size {@code n} by the Fisher–Yates shuffle of the identity:
     * for {@code i = n-1} down to {@code 1}, swap entries {@code i} and {@code rng.nextInt(i + 1)}.
     * Consumes exactly {@code n - 1} draws of {@code nextInt(bound)}. O(n).
     */
    public static Permutation random(int n, RandomGenerator rng) {
        Check.notNull("rng", rng);
        Permutation id = identity(n);
        int[] a = id.p;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return id;
    }

    /** Wraps an array already known to be a permutation (no copy, no check): for this package only. */
    static Permutation trusted(int[] images) { return new Permutation(images); }

    // ------------------------------------------------------------------ access

    /** The size n. */
    public int size() { return p.length; }

    /** The image {@code p(i)}. */
    public int get(int i) {
        if (i < 0 || i >= p.length) throw new IndexOutOfBoundsException("i = " + i + ", expected in [0, " + p.length + ")");
        return p[i];
    }

    /** A copy of the image array ({@code result[i] = p(i)}). */
    public int[] toArray() { return p.clone(); }

    /** True if {@code p(i) = i} for every i. */
    public boolean isIdentity() {
        for (int i = 0; i < p.length; i++) if (p[i] != i) return false;
        return true;
    }

    // ------------------------------------------------------------------ group operations

    /**
     * The composition {@code p∘q}, {@code (p∘q)(i) = p(q(i))} ({@code this} applied after {@code q}).
     * O(n).
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public Permutation compose(Permutation q) {
        requireSize("q", q);
        int[] r = new int[p.length];
        for (int i = 0; i < r.length; i++) r[i] = p[q.p[i]];
        return new Permutation(r);
    }

    /** The inverse {@code p⁻¹}: {@code p⁻¹(p(i)) = i}. O(n). */
    public Permutation inverse() {
        int[] r = new int[p.length];
        for (int i = 0; i < r.length; i++) r[p[i]] = i;
        return new Permutation(r);
    }

    /**
     * The sign {@code (-1)^(n - c)}, where c counts the cycles including fixed points: {@code +1}
     * for an even permutation (a product of an even number of transpositions), {@code -1} for an
     * odd one. The sign is multiplicative: {@code sign(p∘q) = sign(p)·sign(q)}, and it equals
     * {@code det(toMatrix())}. O(n) time, O(n) bits of scratch.
     */
    public int sign() { return ((p.length - cycleCount()) & 1) == 0 ? 1 : -1; }

    /** True if {@link #sign()} is {@code +1}. */
    public boolean isEven() { return sign() == 1; }

    /** The number of cycles, fixed points included (the identity of size n has n). O(n). */
    public int cycleCount() {
        boolean[] seen = new boolean[p.length];
        int count = 0;
        for (int s = 0; s < p.length; s++) {
            if (seen[s]) continue;
            count++;
            for (int i = s; !seen[i]; i = p[i]) seen[i] = true;
        }
        return count;
    }

    /**
     * The cycles of length at least 2 (fixed points omitted), in canonical form: each cycle
     * {@code (c0 c1 ... ck)} means {@code p(c0) = c1, ..., p(ck) = c0}, starts at its smallest
     * element, and the cycles are ordered by their smallest elements. The identity has none.
     * O(n).
     */
    public int[][] cycles() {
        boolean[] seen = new boolean[p.length];
        List<int[]> out = new ArrayList<>();
        int[] buf = new int[p.length];
        for (int s = 0; s < p.length; s++) {
            if (seen[s]) continue;
            int len = 0;
            for (int i = s; !seen[i]; i = p[i]) {
                seen[i] = true;
                buf[len++] = i;
            }
            if (len > 1) out.add(Arrays.copyOf(buf, len));
        }
        return out.toArray(new int[0][]);
    }

    // ------------------------------------------------------------------ application to arrays

    /** {@code y[i] = x[p(i)]} (numpy {@code x[p]}) as a new array. O(n). */
    public double[] apply(double[] x) { return apply(x, null); }

    /**
     * {@code out[i] = x[p(i)]}; {@code out} is allocated when null. Not in place: {@code out} must
     * not be {@code x}.
     *
     * @throws IllegalArgumentException on a length mismatch or if {@code out == x}
     */
    public double[] apply(double[] x, double[] out) {
        requireLength("x", Check.notNull("x", x).length);
        if (out == null) out = new double[p.length];
        requireLength("out", out.length);
        if (out == x) throw new IllegalArgumentException("out is x; apply is not in-place");
        for (int i = 0; i < p.length; i++) out[i] = x[p[i]];
        return out;
    }

    /** {@code y[i] = x[p(i)]} as a new array. O(n). */
    public int[] apply(int[] x) {
        requireLength("x", Check.notNull("x", x).length);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = x[p[i]];
        return out;
    }

    /** {@code y[i] = x[p(i)]} as a new array of the same runtime type as {@code x}. O(n). */
    public <T> T[] apply(T[] x) {
        requireLength("x", Check.notNull("x", x).length);
        T[] out = Arrays.copyOf(x, p.length);
        for (int i = 0; i < p.length; i++) out[i] = x[p[i]];
        return out;
    }

    /** {@code y.get(i) = x.get(p(i))} as a new list. O(n) for random-access lists. */
    public <T> List<T> apply(List<T> x) {
        requireLength("x", Check.notNull("x", x).size());
        List<T> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) out.add(x.get(p[i]));
        return out;
    }

    // ------------------------------------------------------------------ application to matrices

    /** {@code P A} = {@code A[p, :]} as a new contiguous matrix; {@code A} must have n rows. O(n·cols). */
    public Matrix permuteRows(Matrix a) { return permuteRows(a, null); }

    /**
     * {@code out = P A}: row i of {@code out} is row {@code p(i)} of {@code a}. {@code out} is
     * allocated when null, may be a view, and must not share its array with {@code a} (use
     * {@link #permuteRowsInPlace(Matrix)} for that). O(n·cols).
     *
     * @throws IllegalArgumentException on a shape mismatch or an aliased output
     */
    public Matrix permuteRows(Matrix a, Matrix out) {
        Check.notNull("a", a);
        requireLength("a.rows", a.rows);
        out = output(a, out, "permuteRows");
        for (int i = 0; i < a.rows; i++)
            System.arraycopy(a.data, a.offset + p[i] * a.ld, out.data, out.offset + i * out.ld, a.cols);
        return out;
    }

    /**
     * Replaces {@code a} by {@code P A} in place, following the cycles of p so that each row is
     * moved once. Allocates one row buffer ({@code a.cols} doubles) and n bits. O(n·cols).
     *
     * @return {@code a}
     */
    public Matrix permuteRowsInPlace(Matrix a) {
        Check.notNull("a", a);
        requireLength("a.rows", a.rows);
        int c = a.cols, ld = a.ld, off = a.offset;
        double[] d = a.data, tmp = new double[c];
        boolean[] done = new boolean[p.length];
        for (int s = 0; s < p.length; s++) {
            if (done[s] || p[s] == s) continue;
            // Cycle s -> p(s) -> ...: row i takes row p(i); the row of s is overwritten first.
            System.arraycopy(d, off + s * ld, tmp, 0, c);
            int i = s;
            done[s] = true;
            while (p[i] != s) {
                System.arraycopy(d, off + p[i] * ld, d, off + i * ld, c);
                i = p[i];
                done[i] = true;
            }
            System.arraycopy(tmp, 0, d, off + i * ld, c);
        }
        return a;
    }

    /** {@code A Pᵀ} = {@code A[:, p]} as a new contiguous matrix; {@code A} must have n columns. O(rows·n). */
    public Matrix permuteColumns(Matrix a) { return permuteColumns(a, null); }

    /**
     * {@code out = A Pᵀ}: column j of {@code out} is column {@code p(j)} of {@code a}. {@code out}
     * is allocated when null, may be a view, and must not share its array with {@code a} (use
     * {@link #permuteColumnsInPlace(Matrix)} for that). O(rows·n).
     *
     * @throws IllegalArgumentException on a shape mismatch or an aliased output
     */
    public Matrix permuteColumns(Matrix a, Matrix out) {
        Check.notNull("a", a);
        requireLength("a.cols", a.cols);
        out = output(a, out, "permuteColumns");
        for (int i = 0; i < a.rows; i++) gatherRow(a.data, a.offset + i * a.ld, out.data, out.offset + i * out.ld);
        return out;
    }

    /**
     * Replaces {@code a} by {@code A Pᵀ} in place, one row at a time through a buffer of n doubles
     * (the only allocation). O(rows·n).
     *
     * @return {@code a}
     */
    public Matrix permuteColumnsInPlace(Matrix a) {
        Check.notNull("a", a);
        requireLength("a.cols", a.cols);
        double[] tmp = new double[p.length];
        for (int i = 0; i < a.rows; i++) {
            int r = a.offset + i * a.ld;
            System.arraycopy(a.data, r, tmp, 0, p.length);
            gatherRow(tmp, 0, a.data, r);
        }
        return a;
    }

    /** The n x n permutation matrix {@code P = eye(n)[p]}: {@code P[i][p(i)] = 1}, zeros elsewhere. O(n²) memory. */
    public Matrix toMatrix() {
        int n = p.length;
        Matrix m = new Matrix(n, n);
        for (int i = 0; i < n; i++) m.data[i * n + p[i]] = 1;
        return m;
    }

    // ------------------------------------------------------------------ helpers

    private void gatherRow(double[] src, int srcOff, double[] dst, int dstOff) {
        for (int j = 0; j < p.length; j++) dst[dstOff + j] = src[srcOff + p[j]];
    }

    private Matrix output(Matrix a, Matrix out, String op) {
        if (out == null) return new Matrix(a.rows, a.cols);
        if (out.rows != a.rows || out.cols != a.cols)
            throw new IllegalArgumentException("out is " + out.rows + "x" + out.cols + ", expected " + a.rows + "x" + a.cols
                    + " for " + op);
        if (out.data == a.data && out.size() > 0)
            throw new IllegalArgumentException("out shares its array with a; " + op + " is not in-place (use "
                    + op + "InPlace)");
        return out;
    }

    private void requireLength(String name, int length) {
        if (length != p.length)
            throw new IllegalArgumentException(name + " = " + length + ", expected the permutation size " + p.length);
    }

    private void requireSize(String name, Permutation q) {
        Check.notNull(name, q);
        if (q.p.length != p.length)
            throw new IllegalArgumentException(name + ".size() = " + q.p.length + ", expected " + p.length);
    }

    // ------------------------------------------------------------------ Object

    /** Equal iff same size and same images. */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Permutation q && Arrays.equals(p, q.p));
    }

    @Override
    public int hashCode() { return Arrays.hashCode(p); }

    /**
     * The image list, e.g. {@code Permutation[2, 0, 1]}; beyond 32 entries the list is cut and the
     * size appended, e.g. {@code Permutation[5, 3, ..., 7] (n = 1000)}.
     */
    @Override
    public String toString() {
        if (p.length <= TO_STRING_LIMIT) return "Permutation" + Arrays.toString(p);
        StringBuilder sb = new StringBuilder("Permutation[");
        for (int i = 0; i < TO_STRING_LIMIT - 1; i++) sb.append(p[i]).append(", ");
        return sb.append("..., ").append(p[p.length - 1]).append("] (n = ").append(p.length).append(')').toString();
    }
}
