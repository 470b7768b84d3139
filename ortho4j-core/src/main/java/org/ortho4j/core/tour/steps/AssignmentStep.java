package org.ortho4j.core.tour.steps;

import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.perm.LinearAssignment;
import org.ortho4j.core.perm.Permutation;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * Linear assignment (shortest augmenting path, scipy's tie-breaking) against brute force over all
 * 5040 permutations of a 7x7 integer cost matrix with many ties, the min/max duality, and the
 * time for a random uniform 1000x1000 problem.
 */
public final class AssignmentStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public AssignmentStep() {}

    @Override public String capability() { return "assignment"; }

    @Override public String title() { return "permutations and linear assignment (as scipy's linear_sum_assignment)"; }

    @Override public int order() { return 900; }

    @Override
    public TourResult run(TourContext ctx) {
        TourResult.Builder out = TourResult.builder(capability());
        int n = 7;
        Matrix c = Matrix.uniform(n, n, 0, 4, ctx.seed()).map(Math::floor);
        double best = Double.POSITIVE_INFINITY;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        do {
            double s = 0;
            for (int i = 0; i < n; i++) s += c.get(i, p[i]);
            best = Math.min(best, s);
        } while (nextPermutation(p));
        LinearAssignment.Result r = LinearAssignment.solve(c, false);
        out.equalTo("7x7 integer costs in {0..3}: total minus brute-force optimum", r.total() - best, 0);
        LinearAssignment.Result neg = LinearAssignment.solve(c.times(-1), true);
        out.equalTo("max(-C) picks the same columns as min(C): differing columns", differing(r.colInd(), neg.colInd()), 0);
        Permutation perm = r.permutation();
        out.equalTo("assignment as a permutation composed with its inverse is the identity", perm.compose(perm.inverse()).isIdentity() ? 1 : 0, 1);
        int big = ctx.quick() ? 300 : 1000;
        Matrix u = Matrix.uniform(big, big, 0, 1, ctx.seed() + 1);
        long t0 = System.nanoTime();
        LinearAssignment.Result rb = LinearAssignment.solve(u, false);
        double secs = (System.nanoTime() - t0) / 1e9;
        out.above("uniform " + big + "x" + big + ": assignments per second", 1 / secs, 0);
        out.atMost("uniform " + big + "x" + big + ": optimal total (about 1.6 for n = 1000)", rb.total(), 3);
        return out.build();
    }

    private static int differing(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) d++;
        return d;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) i--;
        if (i < 0) return false;
        int j = p.length - 1;
        while (p[j] <= p[i]) j--;
        int t = p[i]; p[i] = p[j]; p[j] = t;
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) { t = p[a]; p[a] = p[b]; p[b] = t; }
        return true;
    }
}
