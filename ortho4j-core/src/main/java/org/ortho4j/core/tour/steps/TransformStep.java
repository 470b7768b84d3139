package org.ortho4j.core.tour.steps;

import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.core.transform.Dct;
import org.ortho4j.core.transform.FftBr;
import org.ortho4j.core.transform.Fwht;

/**
 * Fast transforms: orthonormal FWHT is an involution, FFTBR∘IFFTBR is the identity, the fast DCT
 * equals the basis-matrix product; and the time of an FWHT against n (n log n growth).
 */
public final class TransformStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public TransformStep() {}

    @Override public String capability() { return "transforms"; }

    @Override public String title() { return "FWHT, bit-reversed FFT (QMCPy's FFTBR/IFFTBR) and orthonormal DCT"; }

    @Override public int order() { return 700; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        SplitMix64 rng = new SplitMix64(ctx.seed());
        int n = 1 << 16;
        double[] x = new double[n], re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) { x[i] = rng.nextGaussian(); re[i] = x[i]; im[i] = rng.nextGaussian(); }
        double[] y = x.clone();
        Fwht f = Fwht.orthonormal(n);
        f.transform(y);
        f.transform(y);
        out.atMost("FWHT n=2^16 twice: max |x - H H x|", maxDiff(x, y), 64 * 16 * 0x1.0p-52);
        double[] r = re.clone(), s = im.clone();
        FftBr p = new FftBr(n);
        p.forward(r, s);
        p.inverse(r, s);
        out.atMost("IFFTBR(FFTBR(z)) n=2^16: max |diff|", Math.max(maxDiff(re, r), maxDiff(im, s)), 1e-13);
        int m = 48;
        Matrix g = Matrix.gaussian(m, m, ctx.seed() + 1);
        Matrix fast = new Dct(m).inverseRows(g, null), slow = g.mult(Dct.basis(m));
        out.atMost("DCT: fast G C vs explicit basis (48x48), max |diff|", fast.minus(slow).normMax(), 1e-12);
        int top = ctx.quick() ? 18 : 22;
        double[] ns = new double[top - 11], ms = new double[top - 11];
        for (int k = 12; k <= top; k++) {
            int len = 1 << k;
            double[] a = new double[len];
            Fwht plan = Fwht.orthonormal(len);
            plan.transform(a);                       // warm-up
            long best = Long.MAX_VALUE;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                plan.transform(a);
                best = Math.min(best, System.nanoTime() - t0);
            }
            ns[k - 12] = len;
            ms[k - 12] = best / 1e6;
        }
        out.above("FWHT n=2^" + top + " throughput (million elements/s)", ns[ns.length - 1] / (ms[ms.length - 1] * 1e3), 0);
        out.plot(new Plot("fwht-time", "FWHT time vs n", "n", "milliseconds (best of 3)", Plot.Kind.LINE,
                java.util.List.of(new Plot.Series("orthonormal FWHT", ns, ms))));
        return out.build();
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
