package org.ortho4j.qmc.kernel;

import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.transform.Transforms;

/**
 * A point set whose Gram matrices under a matching kernel the fast transforms diagonalize, with
 * its structure verified: the first {@code n = 2^m} points of one shifted rank-1 lattice in
 * radical-inverse order ({@link Lattice}) or of one digitally shifted base-2 digital net in natural
 * or Gray order ({@link Net}). Holds a reference to the caller's points (not copied).
 *
 * <p>Shared by {@link FastGram} (one kernel) and {@link LdGaussianProcess} (many kernels of one
 * smoothness: the one-dimensional table {@link #firstColumnTilde} is computed once).
 */
abstract sealed class GramDesign permits GramDesign.Lattice, GramDesign.Net {
    final int n;
    final int d;

    GramDesign(int n, int d) {
        this.n = Transforms.requirePowerOfTwo("n (number of points)", n);
        this.d = d;
    }

    abstract FastGram.Structure structure();

    /**
     * {@code t[j][i] = Ktilde_{alpha_j}} between point i and point 0 in coordinate j: with
     * {@link ProductKernel#product} this gives the first Gram column. O(n d).
     */
    abstract double[][] firstColumnTilde(int[] alpha);

    /** {@code out[i] = K(xNew, x_i)} for a new point given as floats (length d). O(n d). */
    abstract void crossColumn(ProductKernel kernel, double[] xNew, double[] out);

    /** Checks that the kernel is of the family this design pairs with and has dimension d. */
    abstract void requireKernel(ProductKernel kernel);

    /** First Gram column {@code K(x_i, x_0)} of the kernel on these points. O(n d). */
    double[] firstColumn(ProductKernel kernel) {
        requireKernel(kernel);
        double[][] t = firstColumnTilde(kernel.alpha());
        double[] gamma = kernel.gamma();
        double[] k0 = new double[n];
        for (int i = 0; i < n; i++) k0[i] = ProductKernel.product(kernel.scale(), gamma, t, i);
        return k0;
    }

    void requireDimension(ProductKernel kernel) {
        Check.notNull("kernel", kernel);
        Check.dimension("kernel.dimension()", kernel.dimension(), d);
    }

    /**
     * Shifted rank-1 lattice in radical-inverse order: {@code x_i = frac(phi_2(i) g + s)}.
     *
     * <p>Check, O(n d): with {@code delta_i = (x_i - x_0) mod 1} the points are such a lattice iff
     * every {@code n delta_ij} is within {@code 1e-6} of an integer {@code r_ij} and
     * {@code r_ij = bitrev_m(i) c_j mod n} with {@code c_j = r_{n/2, j}} ({@code bitrev_m(n/2) = 1});
     * then {@code x_i - x_k = (bitrev(i) - bitrev(k)) c / n mod 1} and the Gram matrix of an SI kernel
     * is a bit-reversal-permuted circulant. Round-off in {@code n delta} is about {@code n 2^-52}
     * (below 1e-6 for n up to 2^30), while points off the lattice miss an integer by O(1). Gray or
     * linear order fails the check (the Gram matrix is then not diagonalized by FFTBR).
     */
    static final class Lattice extends GramDesign {
        private final Matrix x;

        Lattice(Matrix x) {
            super(Check.notNull("x", x).rows, x.cols);
            Check.positive("x.cols", x.cols);
            if (x.hasNonFinite()) throw new IllegalArgumentException("x has non-finite entries, expected finite points");
            this.x = x;
            verify();
        }

        private void verify() {
            int[] rev = Transforms.bitReversal(n);
            for (int j = 0; j < d; j++) {
                long c = n == 1 ? 0 : steps(n / 2, j);
                for (int i = 1; i < n; i++) {
                    long r = steps(i, j);
                    long expect = Math.floorMod(rev[i] * c, (long) n);
                    if (r != expect)
                        throw notLattice(i, j, "(x_i - x_0) mod 1 = " + r + "/" + n + ", expected " + expect + "/" + n
                                + " = bitrev(" + i + ") * " + c + "/" + n + " mod 1");
                }
            }
        }

        /** {@code round(n ((x_ij - x_0j) mod 1)) mod n}, checking it is an integer to 1e-6. */
        private long steps(int i, int j) {
            double r = n * ShiftInvariantKernel.wrap(x.get(i, j), x.get(0, j));
            double k = Math.rint(r);
            if (Math.abs(r - k) > 1e-6)
                throw notLattice(i, j, "n (x_i - x_0) mod n = " + r + " is not an integer");
            return Math.floorMod((long) k, (long) n);
        }

        private IllegalArgumentException notLattice(int i, int j, String why) {
            return new IllegalArgumentException("x is not the first n = " + n + " points of a shifted rank-1 lattice in "
                    + "radical-inverse order (FastGram.lattice needs that order; Gray and linear orders are not "
                    + "diagonalized by FFTBR): point " + i + ", coordinate " + j + ": " + why);
        }

        @Override FastGram.Structure structure() { return FastGram.Structure.LATTICE; }

        @Override
        void requireKernel(ProductKernel kernel) {
            requireDimension(kernel);
            if (!(kernel instanceof ShiftInvariantKernel))
                throw new IllegalArgumentException("kernel is a " + kernel.getClass().getSimpleName()
                        + ", expected a ShiftInvariantKernel for lattice points");
        }

        @Override
        double[][] firstColumnTilde(int[] alpha) {
            double[][] t = new double[d][n];
            for (int j = 0; j < d; j++)
                for (int i = 0; i < n; i++)
                    t[j][i] = ShiftInvariantKernel.tildeOf(alpha[j], ShiftInvariantKernel.wrap(x.get(i, j), x.get(0, j)));
            return t;
        }

        @Override
        void crossColumn(ProductKernel kernel, double[] xNew, double[] out) {
            Matrix p = Matrix.row(xNew);
            for (int i = 0; i < n; i++) out[i] = kernel.evalRows(p, 0, x, i);
        }
    }

    /**
     * Digitally shifted base-2 digital net (any fixed linear scramble allowed) in natural or Gray
     * order, as t-bit integers.
     *
     * <p>Check, O(n d): {@code D_i = xb_i XOR xb_0} must be linear over GF(2) in the index:
     * {@code D_i = D_{i - low(i)} XOR D_{low(i)}} with {@code low(i)} the lowest set bit of i. Then
     * {@code xb_i XOR xb_k = D_{i XOR k}} and the Gram matrix of a DSI kernel is a dyadic convolution,
     * diagonalized by the Walsh–Hadamard transform. Nested uniform (Owen) scrambling is not linear
     * and fails.
     */
    static final class Net extends GramDesign {
        private final long[][] xb;
        private final int t;

        Net(long[][] xb, int t) {
            super(Check.notNull("xb", xb).length, xb.length == 0 ? 0 : Check.notNull("xb[0]", xb[0]).length);
            this.xb = xb;
            this.t = t;
            Check.positive("xb[0].length", d);
            for (int i = 0; i < n; i++) {
                Check.notNull("xb[" + i + "]", xb[i]);
                Check.dimension("xb[" + i + "].length", xb[i].length, d);
                for (int j = 0; j < d; j++) DigitallyShiftInvariantKernel.requireBits("xb[" + i + "][" + j + "]", xb[i][j], t);
            }
            verify();
        }

        private void verify() {
            for (int i = 3; i < n; i++) {
                int low = i & -i;
                if (low == i) continue;
                for (int j = 0; j < d; j++) {
                    long lhs = xb[i][j] ^ xb[0][j], rhs = (xb[i ^ low][j] ^ xb[0][j]) ^ (xb[low][j] ^ xb[0][j]);
                    if (lhs != rhs)
                        throw new IllegalArgumentException("xb is not the first n = " + n + " points of a digitally "
                                + "shifted digital net in natural or Gray order (xb_i XOR xb_0 is not linear in i; "
                                + "nested uniform scrambling breaks this): point " + i + ", coordinate " + j);
                }
            }
        }

        @Override FastGram.Structure structure() { return FastGram.Structure.DIGITAL_NET; }

        @Override
        void requireKernel(ProductKernel kernel) {
            requireDimension(kernel);
            if (!(kernel instanceof DigitallyShiftInvariantKernel k))
                throw new IllegalArgumentException("kernel is a " + kernel.getClass().getSimpleName()
                        + ", expected a DigitallyShiftInvariantKernel for digital-net points");
            if (k.bits() != t) Check.dimension("kernel.bits()", k.bits(), t);
        }

        @Override
        double[][] firstColumnTilde(int[] alpha) {
            double[][] tab = new double[d][n];
            for (int j = 0; j < d; j++)
                for (int i = 0; i < n; i++) tab[j][i] = DigitallyShiftInvariantKernel.tildeOf(alpha[j], xb[i][j] ^ xb[0][j], t);
            return tab;
        }

        @Override
        void crossColumn(ProductKernel kernel, double[] xNew, double[] out) {
            DigitallyShiftInvariantKernel k = (DigitallyShiftInvariantKernel) kernel;
            long[] b = new long[d];
            for (int j = 0; j < d; j++) b[j] = DigitallyShiftInvariantKernel.bitsOf(xNew[j], t);
            for (int i = 0; i < n; i++) out[i] = k.evalBits(b, xb[i]);
        }
    }
}
