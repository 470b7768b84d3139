package org.ortho4j.core.perm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.Rng;
import org.ortho4j.testkit.Ortho4jTest;

class PermutationTest extends Ortho4jTest {

    /** Size grid: 0, 1, 2, 3, primes, non-powers of two, one power of two. */
    static final int[] SIZES = {0, 1, 2, 3, 5, 7, 12, 16, 31, 100};

    Permutation random(int n) { return Permutation.random(n, rng()); }

    /** Parity by counting inversions, O(n²): an independent reference for sign(). */
    static int signByInversions(Permutation p) {
        int inv = 0;
        for (int i = 0; i < p.size(); i++)
            for (int j = i + 1; j < p.size(); j++)
                if (p.get(i) > p.get(j)) inv++;
        return (inv & 1) == 0 ? 1 : -1;
    }

    // ------------------------------------------------------------------ construction

    @Test
    void ofValidatesAndNamesTheFirstBadEntry() {
        assertArrayEquals(new int[] {2, 0, 1}, Permutation.of(2, 0, 1).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Permutation.of(1, 3, 0));
        assertTrue(e.getMessage().startsWith("images[1] = 3, expected in [0, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permutation.of(0, -1, 1));
        assertTrue(e.getMessage().startsWith("images[1] = -1"), e.getMessage());
        // the duplicate is reported at its second occurrence, naming the first
        e = assertThrows(IllegalArgumentException.class, () -> Permutation.of(2, 0, 3, 0, 2));
        assertTrue(e.getMessage().startsWith("images[3] = 0 duplicates images[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permutation.of((int[]) null));
        assertTrue(e.getMessage().contains("images"), e.getMessage());
    }

    @Test
    void ofCopiesItsArgumentAndToArrayCopiesTheResult() {
        int[] a = {1, 0, 2};
        Permutation p = Permutation.of(a);
        a[0] = 2;
        assertEquals(1, p.get(0));
        p.toArray()[0] = 2;
        assertEquals(1, p.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> p.get(3));
    }

    @Test
    void identityAndTransposition() {
        assertEquals(0, Permutation.identity(0).size());
        assertTrue(Permutation.identity(0).isIdentity());
        assertArrayEquals(new int[] {0, 1, 2, 3}, Permutation.identity(4).toArray());
        assertArrayEquals(new int[] {0, 3, 2, 1}, Permutation.transposition(4, 3, 1).toArray());
        assertEquals(Permutation.identity(4), Permutation.transposition(4, 2, 2));
        assertFalse(Permutation.transposition(4, 0, 1).isIdentity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Permutation.transposition(4, 0, 4));
        assertTrue(e.getMessage().startsWith("j = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permutation.identity(-1));
        assertTrue(e.getMessage().startsWith("n = -1"), e.getMessage());
    }

    @Test
    void randomIsAValidSeededPermutation() {
        for (int n : SIZES) {
            Permutation p = Permutation.random(n, 42);
            assertEquals(p, Permutation.of(p.toArray())); // of() validates
            assertEquals(p, Permutation.random(n, Rng.of(42)));
        }
        assertNotEquals(Permutation.random(100, 1), Permutation.random(100, 2));
    }

    /**
     * Fisher–Yates is uniform: 60000 draws of size 3 put each of the 6 permutations 10000 ± 5σ
     * times (σ = sqrt(60000·(1/6)(5/6)) ≈ 91). A biased shuffle (e.g. j drawn from [0, n)) puts
     * some permutation at 8889 or 11111 and fails.
     */
    @Test
    void randomIsUniformOnSmallSizes() {
        Map<Permutation, Integer> counts = new HashMap<>();
        for (int t = 0; t < 60000; t++) counts.merge(random(3), 1, Integer::sum);
        assertEquals(6, counts.size());
        for (int c : counts.values()) assertTrue(Math.abs(c - 10000) < 5 * 91, counts.toString());
    }

    // ------------------------------------------------------------------ algebra

    @Test
    void composeFollowsTheDocumentedConvention() {
        Permutation p = Permutation.of(1, 2, 0), q = Permutation.of(0, 2, 1);
        // (p∘q)(i) = p(q(i)): 0 -> p(0) = 1, 1 -> p(2) = 0, 2 -> p(1) = 2
        assertArrayEquals(new int[] {1, 0, 2}, p.compose(q).toArray());
        assertArrayEquals(new int[] {2, 1, 0}, q.compose(p).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.compose(Permutation.identity(2)));
        assertTrue(e.getMessage().startsWith("q.size() = 2, expected 3"), e.getMessage());
    }

    @Test
    void groupIdentities() {
        for (int n : SIZES) {
            Permutation p = random(n), q = random(n), r = random(n), id = Permutation.identity(n);
            assertEquals(id, p.compose(p.inverse()), "p∘p⁻¹, n=" + n);
            assertEquals(id, p.inverse().compose(p), "p⁻¹∘p, n=" + n);
            assertEquals(p, p.inverse().inverse());
            assertEquals(p, p.compose(id));
            assertEquals(p, id.compose(p));
            assertEquals(p.compose(q).compose(r), p.compose(q.compose(r)), "associativity, n=" + n);
            assertEquals(q.inverse().compose(p.inverse()), p.compose(q).inverse(), "(p∘q)⁻¹ = q⁻¹∘p⁻¹");
            for (int i = 0; i < n; i++) assertEquals(p.get(q.get(i)), p.compose(q).get(i));
        }
    }

    @Test
    void signIsMultiplicativeAndMatchesInversionCount() {
        for (int n : SIZES) {
            Permutation id = Permutation.identity(n);
            assertEquals(1, id.sign());
            for (int t = 0; t < 5; t++) {
                Permutation p = random(n), q = random(n);
                assertEquals(signByInversions(p), p.sign(), p.toString());
                assertEquals(p.sign() * q.sign(), p.compose(q).sign(), "sign(p∘q), n=" + n);
                assertEquals(p.sign(), p.inverse().sign());
                assertEquals(p.sign() == 1, p.isEven());
            }
            if (n >= 2) assertEquals(-1, Permutation.transposition(n, 0, n - 1).sign());
        }
        // a 3-cycle is even, a 4-cycle odd
        assertEquals(1, Permutation.of(1, 2, 0).sign());
        assertEquals(-1, Permutation.of(1, 2, 3, 0).sign());
    }

    @Test
    void cyclesInCanonicalForm() {
        Permutation p = Permutation.of(2, 0, 1, 3, 5, 4);
        int[][] c = p.cycles();
        assertEquals(2, c.length);
        assertArrayEquals(new int[] {0, 2, 1}, c[0]); // 0 -> 2 -> 1 -> 0
        assertArrayEquals(new int[] {4, 5}, c[1]);
        assertEquals(3, p.cycleCount()); // two cycles and the fixed point 3
        assertEquals(0, Permutation.identity(5).cycles().length);
        assertEquals(5, Permutation.identity(5).cycleCount());
        // rebuild random permutations from their cycles
        for (int n : SIZES) {
            Permutation q = random(n);
            int[] images = IntStream.range(0, n).toArray();
            int moved = 0, previousStart = -1;
            for (int[] cyc : q.cycles()) {
                assertTrue(cyc.length >= 2);
                assertTrue(cyc[0] > previousStart);
                previousStart = cyc[0];
                for (int k = 0; k < cyc.length; k++) {
                    assertTrue(cyc[k] >= cyc[0], "starts at its smallest element");
                    images[cyc[k]] = cyc[(k + 1) % cyc.length];
                }
                moved += cyc.length;
            }
            assertEquals(q, Permutation.of(images));
            assertEquals(q.cycles().length + (n - moved), q.cycleCount());
        }
    }

    // ------------------------------------------------------------------ application

    @Test
    void applyToArraysGathers() {
        Permutation p = Permutation.of(2, 0, 1);
        assertArrayEquals(new double[] {30, 10, 20}, p.apply(new double[] {10, 20, 30}));
        assertArrayEquals(new int[] {3, 1, 2}, p.apply(new int[] {1, 2, 3}));
        String[] s = p.apply(new String[] {"a", "b", "c"});
        assertArrayEquals(new String[] {"c", "a", "b"}, s);
        assertSame(String[].class, s.getClass());
        assertEquals(List.of("c", "a", "b"), p.apply(List.of("a", "b", "c")));
        double[] out = new double[3];
        assertSame(out, p.apply(new double[] {1, 2, 3}, out));
        assertArrayEquals(new double[] {3, 1, 2}, out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(new double[4]));
        assertTrue(e.getMessage().startsWith("x = 4, expected the permutation size 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.apply(out, out));
        assertThrows(IllegalArgumentException.class, () -> p.apply(new double[3], new double[2]));
    }

    @Test
    void applyComposesAsDocumented() {
        for (int n : SIZES) {
            Permutation p = random(n), q = random(n);
            double[] x = rng().doubles(n).toArray();
            assertArrayEquals(q.apply(p.apply(x)), p.compose(q).apply(x));
            assertArrayEquals(x, p.inverse().apply(p.apply(x)), "gather then inverse gather");
            int[] ix = IntStream.range(0, n).map(i -> rng().nextInt()).toArray();
            assertArrayEquals(ix, p.inverse().apply(p.apply(ix)));
        }
    }

    /** Entries equal exactly: a product with a 0/1 matrix adds exact zeros to one exact term. */
    @Test
    void permutationMatrixRepresentsRowsAndColumns() {
        for (int n : SIZES) {
            Permutation p = random(n), q = random(n);
            Matrix pm = p.toMatrix();
            assertEquals(p.sign(), (int) Math.round(determinantOfPermutationMatrix(pm, n)), "det P = sign p");
            assertEquals(Matrix.eye(n), pm.mult(pm.transpose()), "P Pᵀ = I");
            assertEquals(q.toMatrix().mult(pm), p.compose(q).toMatrix(), "matrix(p∘q) = matrix(q)·matrix(p)");
            assertEquals(pm.transpose(), p.inverse().toMatrix());
            for (int c : new int[] {1, 3, 8}) {
                Matrix a = Matrix.gaussian(n, c, seed + c), b = Matrix.gaussian(c, n, seed - c);
                assertEquals(pm.mult(a), p.permuteRows(a), "P A");
                assertEquals(b.mult(pm.transpose()), p.permuteColumns(b), "A Pᵀ");
                double[] x = a.colArray(0);
                assertArrayEquals(pm.mult(x), p.apply(x));
            }
        }
    }

    /**
     * det of a 0/1 matrix with one 1 per row and column, by Gaussian elimination with row swaps:
     * each pivot is exactly 1 and the column below it is already zero, so det = ±1 counts the swaps.
     */
    private static double determinantOfPermutationMatrix(Matrix m, int n) {
        Matrix a = m.copy();
        double det = 1;
        for (int k = 0; k < n; k++) {
            int piv = k;
            while (a.get(piv, k) == 0) piv++;
            if (piv != k) {
                for (int j = 0; j < n; j++) {
                    double t = a.get(k, j);
                    a.set(k, j, a.get(piv, j));
                    a.set(piv, j, t);
                }
                det = -det;
            }
            det *= a.get(k, k); // pivots are exactly 1 and no elimination is needed below them
        }
        return det;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 7, 13, 64})
    void inPlaceMatchesCopyOnViewsAndRoundTrips(int n) {
        Permutation p = random(n);
        for (int other : new int[] {0, 1, 5}) {
            // rows: a view (ld > cols, offset > 0) inside a bigger matrix whose frame must stay untouched
            Matrix big = Matrix.gaussian(n + 2, other + 3, seed), frame = big.copy();
            Matrix a = big.view(1, 1, n, other), expected = p.permuteRows(a);
            assertSame(a, p.permuteRowsInPlace(a));
            assertEquals(expected, a.copy());
            assertUntouchedOutside(frame, big, 1, 1, n, other);
            assertEquals(frame.view(1, 1, n, other).copy(), p.inverse().permuteRows(a), "rows round trip");

            Matrix big2 = Matrix.gaussian(other + 2, n + 3, seed + 1), frame2 = big2.copy();
            Matrix b = big2.view(1, 2, other, n), expectedB = p.permuteColumns(b);
            assertSame(b, p.permuteColumnsInPlace(b));
            assertEquals(expectedB, b.copy());
            assertUntouchedOutside(frame2, big2, 1, 2, other, n);
            assertEquals(frame2.view(1, 2, other, n).copy(), p.inverse().permuteColumns(b), "columns round trip");
        }
    }

    private static void assertUntouchedOutside(Matrix before, Matrix after, int r0, int c0, int nr, int nc) {
        for (int i = 0; i < before.rows; i++)
            for (int j = 0; j < before.cols; j++)
                if (i < r0 || i >= r0 + nr || j < c0 || j >= c0 + nc)
                    assertEquals(before.get(i, j), after.get(i, j), "(" + i + ", " + j + ") outside the view");
    }

    @Test
    void matrixOutputsAreCheckedAndMayBeViews() {
        Permutation p = Permutation.of(1, 0);
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix big = new Matrix(3, 3);
        p.permuteRows(a, big.view(1, 1, 2, 2));
        assertEquals(Matrix.of(new double[][] {{0, 0, 0}, {0, 3, 4}, {0, 1, 2}}), big);
        p.permuteColumns(a, big.view(0, 0, 2, 2));
        assertEquals(Matrix.of(new double[][] {{2, 1, 0}, {4, 3, 4}, {0, 1, 2}}), big);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.permuteRows(a, a));
        assertTrue(e.getMessage().contains("permuteRowsInPlace"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.permuteRows(a, new Matrix(2, 3)));
        assertTrue(e.getMessage().startsWith("out is 2x3, expected 2x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.permuteRows(new Matrix(3, 2)));
        assertTrue(e.getMessage().startsWith("a.rows = 3, expected the permutation size 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.permuteColumnsInPlace(new Matrix(2, 3)));
        assertTrue(e.getMessage().startsWith("a.cols = 3"), e.getMessage());
    }

    // ------------------------------------------------------------------ Object methods

    @Test
    void equalsHashCodeToString() {
        Permutation p = Permutation.of(2, 0, 1);
        assertEquals(p, Permutation.of(2, 0, 1));
        assertEquals(p.hashCode(), Permutation.of(2, 0, 1).hashCode());
        assertNotEquals(p, Permutation.of(0, 2, 1));
        assertNotEquals(Permutation.identity(2), Permutation.identity(3));
        assertNotEquals(p, "Permutation[2, 0, 1]");
        assertEquals("Permutation[2, 0, 1]", p.toString());
        assertEquals("Permutation[]", Permutation.identity(0).toString());
        String big = Permutation.identity(1000).toString();
        assertTrue(big.startsWith("Permutation[0, 1, 2, "), big);
        assertTrue(big.endsWith(", 30, ..., 999] (n = 1000)"), big);
    }
}
