package org.ortho4j.core.orthogonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.CASES;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.expected;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.input;
import static org.ortho4j.core.orthogonal.NewtonSchulzGolden.maxAbsDiff;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.backend.JavaBackend;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Asserts;
import org.ortho4j.testkit.Ortho4jTest;

class NewtonSchulzTest extends Ortho4jTest {

    /** Golden key → orthogonalizer that must reproduce it. */
    private static final List<Object[]> GOLDEN_RUNS = List.of(
            new Object[] {"muon_ns5_f64", NewtonSchulz.muon()},
            new Object[] {"muon_ns1_f64", NewtonSchulz.muon(1)},
            new Object[] {"polar_express_f64", NewtonSchulz.polarExpress()},
            new Object[] {"dion_ns_f64", NewtonSchulz.dion()},
            new Object[] {"root_ns5_override_f64",
                    NewtonSchulz.of(NewtonSchulzSchedule.repeat("ROOT override", 3.4916, -4.8224, 2.1095, 5, 1e-7, 1))});

    /**
     * Double tolerance vs the numpy reference, spec §1.10(1): 1e-12 absolute on entries of order 1.
     * The two codes differ only in GEMM summation order (≤ r·ε = 16·1.1e-16 per product for the
     * 16x16 input) and each step amplifies a perturbation by at most |p_k'| ≤ a_k, whose product over
     * 5 steps is ≤ 1000 (POLAR_EXPRESS), so 1.8e-12 is a worst-case bound; measured ≤ 2.6e-14.
     */
    private static final double GOLDEN_F64 = 1e-12;
    /**
     * Float tolerance vs numpy float32/OpenBLAS, spec §1.10(1): 2e-5 absolute (same argument with
     * ε_f = 6e-8 and typical rather than worst-case accumulation); measured ≤ 1.6e-6 plain,
     * 5.7e-6 Gram-side.
     */
    private static final double GOLDEN_F32 = 2e-5;

    @Test
    void everyDoubleGoldenCaseIsReproducedByBothForms() {
        for (String name : CASES)
            for (Object[] run : GOLDEN_RUNS) {
                NewtonSchulz ns = (NewtonSchulz) run[1];
                Matrix want = expected(name, (String) run[0]);
                for (NewtonSchulz.Form f : List.of(NewtonSchulz.Form.PLAIN, NewtonSchulz.Form.GRAM)) {
                    double d = maxAbsDiff(ns.form(f).orthogonalize(input(name)), want);
                    assertTrue(d <= GOLDEN_F64, name + " " + run[0] + " " + f + ": max |diff| = " + d);
                }
            }
    }

    @Test
    void floatGoldenCaseIsReproducedInFloat32() {
        for (String name : CASES) {
            Matrix want = expected(name, "muon_ns5_f32");
            for (NewtonSchulz.Form f : List.of(NewtonSchulz.Form.PLAIN, NewtonSchulz.Form.GRAM)) {
                FloatMatrix got = NewtonSchulz.muon().form(f).orthogonalize(input(name).toFloat());
                double d = maxAbsDiff(got.toDouble(), want);
                assertTrue(d <= GOLDEN_F32, name + " " + f + ": max |diff| = " + d);
            }
        }
    }

    @Test
    void singularValuesMatchTheGoldenAndRankDeficiencySurvives() {
        for (String name : CASES) {
            if (name.startsWith("Z_")) continue;         // no singular values stored for the zero input
            double[] want = NewtonSchulzGolden.vector(name, "singular_values_muon_ns5");
            double[] got = SvdDecomposition.singularValues(NewtonSchulz.muon().orthogonalize(input(name)));
            // singular values are perfectly conditioned (Weyl): error ≤ ‖ΔO‖_2 ≤ the entry tolerance·√(mn)
            Asserts.assertAllClose(want, got, 0, 1e-12, name + " singular values of muon_ns5");
        }
        // spec §1.10(8): the rank-2 input keeps rank 2 (σ3, σ4 stay at rounding level)
        double[] s = SvdDecomposition.singularValues(NewtonSchulz.muon().orthogonalize(input("R_6x4_rank2")));
        assertTrue(s[1] > 0.5 && s[2] <= 1e-12 && s[3] <= 1e-12, "rank-2 output: " + java.util.Arrays.toString(s));
    }

    @Test
    void randomRankDeficientInputKeepsItsRank() {
        Matrix g = Matrix.gaussian(23, 3, seed).mult(Matrix.gaussian(3, 11, seed + 1));  // rank 3
        for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.polarExpress(), NewtonSchulz.dion().gramSide(true))) {
            double[] s = SvdDecomposition.singularValues(ns.orthogonalize(g));
            assertTrue(s[2] > 0.3, ns + ": " + s[2]);
            // input σ4.. are ~ε‖G‖; p(σ) ≤ Π a_k · σ ≤ 1000 σ after normalization
            for (int i = 3; i < s.length; i++) assertTrue(s[i] <= 1e-12, ns + ": σ" + (i + 1) + " = " + s[i]);
        }
    }

    @Test
    void zeroInputGivesExactlyZeroOutputEvenWithoutEps() {
        NewtonSchulz noEps = NewtonSchulz.of(NewtonSchulzSchedule.muon().withEps(0));
        for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.polarExpress().gramSide(true), noEps, noEps.gramSide(true)))
            for (int[] shape : new int[][] {{4, 3}, {1, 1}, {3, 7}, {1, 5}, {9, 2}}) {
                Matrix out = ns.orthogonalize(new Matrix(shape[0], shape[1]));
                assertEquals(0, out.normMax(), ns + " " + shape[0] + "x" + shape[1]);
                FloatMatrix fo = ns.orthogonalize(new FloatMatrix(shape[0], shape[1]));
                assertEquals(0, fo.normF(), ns + " float " + shape[0] + "x" + shape[1]);
            }
    }

    /** Spec §1.10(4): σ(muon_ns5(G)) ∈ [0.68, 1.14] whenever σ_min(G)/‖G‖_F ≥ 0.01. */
    @Test
    void muonOutputSingularValuesLieInTheSpecBand() {
        int[][] shapes = {{10, 30}, {30, 10}, {7, 50}, {41, 13}, {2, 9}, {64, 16}};
        for (int t = 0; t < shapes.length; t++) {
            Matrix g = Matrix.gaussian(shapes[t][0], shapes[t][1], seed + t);
            double[] sg = SvdDecomposition.singularValues(g);
            double ratio = sg[sg.length - 1] / g.normF();
            assertTrue(ratio >= 0.01, "precondition σ_min/‖G‖_F = " + ratio);
            for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.muon().gramSide(true))) {
                double[] s = SvdDecomposition.singularValues(ns.orthogonalize(g));
                for (double v : s) assertTrue(v >= 0.68 && v <= 1.14, ns + " on " + shapes[t][0] + "x" + shapes[t][1] + ": σ = " + v);
            }
        }
    }

    /** 1:4 and 4:1 shapes (where the Gram form is cheaper), all presets, with and without restarts. */
    @Test
    void gramSideEqualsPlainFormInDoubleAndFloat() {
        int[][] shapes = {{6, 24}, {24, 6}, {13, 52}, {52, 13}, {1, 4}, {4, 1}};
        List<NewtonSchulz> all = List.of(NewtonSchulz.muon(), NewtonSchulz.polarExpress(), NewtonSchulz.dion(), NewtonSchulz.muon(1));
        double worst64 = 0, worst32 = 0;
        for (int t = 0; t < shapes.length; t++) {
            Matrix g = Matrix.gaussian(shapes[t][0], shapes[t][1], seed + t);
            for (NewtonSchulz ns : all) {
                Matrix plain = ns.orthogonalize(g);
                FloatMatrix plain32 = ns.orthogonalize(g.toFloat());
                for (NewtonSchulz gram : List.of(ns.gramSide(true), ns.gramSide(true).restarts(), ns.gramSide(true).restarts(1, 2, 3, 4))) {
                    worst64 = Math.max(worst64, maxAbsDiff(plain, gram.orthogonalize(g)));
                    worst32 = Math.max(worst32, maxAbsDiff(plain32.toDouble(), gram.orthogonalize(g.toFloat()).toDouble()));
                }
            }
        }
        // spec §1.10(7): ≤ 1e-12 in double (measured ~1e-14); float: same argument with ε_f, 3e-5
        assertTrue(worst64 <= 1e-12, "double max |gram - plain| = " + worst64);
        assertTrue(worst32 <= 3e-5, "float max |gram - plain| = " + worst32);
    }

    @Test
    void floatAndDoublePathsAgreeToFloatTolerance() {
        int[][] shapes = {{17, 40}, {40, 17}, {23, 23}, {3, 5}};
        for (int t = 0; t < shapes.length; t++) {
            Matrix g = Matrix.gaussian(shapes[t][0], shapes[t][1], seed + t);
            for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.dion(), NewtonSchulz.polarExpress())) {
                double d = maxAbsDiff(ns.orthogonalize(g), ns.orthogonalize(g.toFloat()).toDouble());
                // float rounding of inputs and products (ε_f = 6e-8) amplified by ≤ Π a_k over 5 steps
                assertTrue(d <= 5e-5, ns + " " + shapes[t][0] + "x" + shapes[t][1] + ": " + d);
            }
        }
    }

    /** Shapes large enough (r²c ≥ Tuning.SMALL_FLOPS) that GEMMs really run on the active backend. */
    @Test
    void resultsDoNotDependOnTheBackend() {
        NewtonSchulz[] all = {NewtonSchulz.muon(), NewtonSchulz.polarExpress().gramSide(true)};
        for (int[] shape : new int[][] {{48, 120}, {120, 48}}) {
            Matrix g = Matrix.gaussian(shape[0], shape[1], seed);
            for (NewtonSchulz ns : all) {
                Matrix active = ns.orthogonalize(g), java = ns.backend(JavaBackend.INSTANCE).orthogonalize(g);
                Matrix pinned = ns.backend(Backends.active()).orthogonalize(g);
                // summation order only: r·ε per product amplified ≤ 1000 by the polynomials
                assertTrue(maxAbsDiff(active, java) <= 1e-11, ns + " double java vs " + Backends.active().name());
                assertEquals(active, pinned, "pinning the active backend changes nothing");
                FloatMatrix a32 = ns.orthogonalize(g.toFloat()), j32 = ns.backend(JavaBackend.INSTANCE).orthogonalize(g.toFloat());
                assertTrue(maxAbsDiff(a32.toDouble(), j32.toDouble()) <= 5e-5, ns + " float java vs " + Backends.active().name());
            }
        }
    }

    /** Spec §1.10(2): NS(Gᵀ) = NS(G)ᵀ exactly, since a tall input takes the wide path after a transpose. */
    @Test
    void transposeSymmetryIsBitwiseExact() {
        Matrix g = Matrix.gaussian(9, 21, seed);
        for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.dion().gramSide(true))) {
            assertEquals(ns.orthogonalize(g).transpose(), ns.orthogonalize(g.transpose()));
            assertEquals(ns.orthogonalize(g.toFloat()).transpose(), ns.orthogonalize(g.transpose().toFloat()));
        }
    }

    /**
     * Spec §1.10(3): with G = U Σ Vᵀ, Uᵀ NS(G) V is diagonal with entries scalarMap(σ_i, ‖G‖_F).
     * 1e-10: rounding (≤ 1e-14) amplified by the SVD's vectors (well separated σ here).
     */
    @Test
    void singularVectorsArePreservedAndSingularValuesFollowTheScalarMap() {
        for (String name : List.of("G_8x5", "G_5x8", "G_16x16")) {
            Matrix g = input(name);
            SvdDecomposition svd = SvdDecomposition.of(g);
            for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.polarExpress(), NewtonSchulz.dion(), NewtonSchulz.muon(1))) {
                Matrix d = svd.getU().transposeMult(ns.orthogonalize(g)).multTranspose(svd.getVt());
                NewtonSchulzSchedule s = ns.scheduleFor(g.rows, g.cols);
                for (int i = 0; i < d.rows; i++)
                    for (int j = 0; j < d.cols; j++) {
                        double want = i == j ? s.scalarMap(svd.getSingularValues()[i], g.normF()) : 0;
                        assertEquals(want, d.get(i, j), 1e-10, name + " " + ns + " (" + i + ", " + j + ")");
                    }
            }
        }
    }

    /** Spec §1.10(5): invariance under scaling up to the eps term (measured 3.5e-8 / 3.5e-5). */
    @Test
    void outputIsScaleInvariantUpToTheEpsTerm() {
        for (String name : List.of("G_8x5", "G_5x8", "G_16x16")) {
            Matrix g = input(name), o = NewtonSchulz.muon().orthogonalize(g);
            assertTrue(maxAbsDiff(NewtonSchulz.muon().orthogonalize(g.times(1e3)), o) <= 1e-7, name + " x1e3");
            assertTrue(maxAbsDiff(NewtonSchulz.muon().orthogonalize(g.times(1e-3)), o) <= 1e-4, name + " x1e-3");
        }
    }

    /** Spec §1.10(6): an orthogonal Q (n×n) maps to scalarMap(1/√n)·Q. */
    @Test
    void orthogonalInputMapsToAScaledCopy() {
        for (int n : new int[] {1, 2, 5, 16}) {
            Matrix q = Polar.exact().orthogonalize(Matrix.gaussian(n, n, seed + n));
            double f = NewtonSchulzSchedule.muon().scalarMap(1, Math.sqrt(n));
            assertTrue(maxAbsDiff(NewtonSchulz.muon().orthogonalize(q), q.times(f)) <= 1e-12, "n = " + n);
        }
    }

    /** A single row or column has one singular value ‖g‖: the output is scalarMap(‖g‖, ‖g‖)·g/‖g‖. */
    @Test
    void sizeGridKeepsShapesAndVectorsFollowTheScalarMap() {
        int[] sizes = {0, 1, 2, 3, 7, 11};
        for (int m : sizes)
            for (int n : sizes) {
                Matrix g = Matrix.gaussian(m, n, seed + 31L * m + n);
                for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.polarExpress().gramSide(true))) {
                    Matrix o = ns.orthogonalize(g);
                    assertEquals(m, o.rows);
                    assertEquals(n, o.cols);
                    assertTrue(!o.hasNonFinite(), m + "x" + n);
                    FloatMatrix o32 = ns.orthogonalize(g.toFloat());
                    assertEquals(m, o32.rows);
                    assertEquals(n, o32.cols);
                    if (Math.min(m, n) == 1) {
                        double nrm = g.normF(), f = ns.scheduleFor(m, n).scalarMap(nrm, nrm);
                        // the matrix path rounds differently from the scalar polynomial; POLAR_EXPRESS's
                        // first polynomial has slope ≈ 20 near σ = 1, so allow 1e-13 (measured 1.7e-14)
                        double d = maxAbsDiff(o, g.times(f / nrm));
                        assertTrue(d <= 1e-13, m + "x" + n + " " + ns + ": " + d);
                    }
                }
            }
    }

    @Test
    void nonFiniteInputAndWrongOutputShapeAreRejectedNamingTheParameter() {
        NewtonSchulz ns = NewtonSchulz.muon();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Matrix g = Matrix.gaussian(3, 4, seed).set(1, 2, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ns.orthogonalize(g));
            assertTrue(e.getMessage().startsWith("g(1, 2) = "), e.getMessage());
            FloatMatrix gf = Matrix.gaussian(3, 4, seed).toFloat().set(2, 0, (float) bad);
            e = assertThrows(IllegalArgumentException.class, () -> ns.orthogonalize(gf));
            assertTrue(e.getMessage().startsWith("g(2, 0) = "), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ns.orthogonalize((Matrix) null));
        assertTrue(e.getMessage().startsWith("g "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ns.orthogonalize(new Matrix(3, 4), new Matrix(4, 3)));
        assertTrue(e.getMessage().startsWith("out is 4x3, expected 3x4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ns.orthogonalizeWithDiagnostics(new Matrix(3, 4), null, null));
        assertTrue(e.getMessage().startsWith("out "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ns.restarts(2, 0));
        assertTrue(e.getMessage().startsWith("steps[1] = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NewtonSchulz.root(NewtonSchulzRootTable.published(), 0));
        assertTrue(e.getMessage().startsWith("steps = 0"), e.getMessage());
    }

    @Test
    void inPlaceViewsAndLeadingDimensionsGiveTheSameResult() {
        Matrix big = Matrix.gaussian(12, 15, seed);
        Matrix g = big.view(2, 3, 9, 5);                  // tall view with ld 15
        Matrix want = NewtonSchulz.muon().orthogonalize(g.copy());
        assertEquals(want, NewtonSchulz.muon().orthogonalize(g));
        Matrix outBig = new Matrix(10, 8);
        Matrix outView = outBig.view(1, 2, 9, 5);
        assertSame(outView, NewtonSchulz.muon().orthogonalize(g, outView));
        assertEquals(want, outView);
        assertEquals(0, outBig.view(0, 0, 1, 8).normMax(), "nothing written outside the view");
        Matrix inPlace = g.copy();
        assertSame(inPlace, NewtonSchulz.muon().orthogonalize(inPlace, inPlace));
        assertEquals(want, inPlace);
        FloatMatrix gf = big.toFloat().view(2, 3, 9, 5), wantF = NewtonSchulz.muon().orthogonalize(gf.copy());
        assertEquals(wantF, NewtonSchulz.muon().orthogonalize(gf));
        FloatMatrix inPlaceF = gf.copy();
        NewtonSchulz.muon().orthogonalize(inPlaceF, inPlaceF);
        assertEquals(wantF, inPlaceF);
    }

    @Test
    void aReusedWorkspaceGivesBitwiseTheSameResults() {
        NewtonSchulzWorkspace ws = new NewtonSchulzWorkspace();
        int[][] shapes = {{20, 30}, {3, 4}, {30, 20}, {31, 29}, {2, 2}};
        for (NewtonSchulz ns : List.of(NewtonSchulz.muon(), NewtonSchulz.polarExpress().gramSide(true)))
            for (int t = 0; t < shapes.length; t++) {
                Matrix g = Matrix.gaussian(shapes[t][0], shapes[t][1], seed + t);
                assertEquals(ns.orthogonalize(g), ns.orthogonalize(g, null, ws));
                assertEquals(ns.orthogonalize(g.toFloat()), ns.orthogonalize(g.toFloat(), null, ws));
            }
    }

    @Test
    void diagnosticsDescribeTheOutput() {
        Matrix g = Matrix.gaussian(11, 6, seed), out = new Matrix(11, 6);
        NewtonSchulzDiagnostics d = NewtonSchulz.polarExpress().gramSide(true).orthogonalizeWithDiagnostics(g, out, null);
        assertEquals(NewtonSchulz.polarExpress().gramSide(true).orthogonalize(g), out);
        assertEquals("POLAR_EXPRESS", d.schedule());
        assertEquals(NewtonSchulz.Form.GRAM, d.form());
        assertTrue(d.transposed());
        assertEquals(5, d.iterations());
        assertEquals(1, d.restarts());
        assertTrue(d.nanos() > 0);
        // against independent computations: the testkit's naive ‖OᵀO − I‖_F and LAPACK singular values
        assertEquals(Asserts.orthogonalityError(11, 6, out::get), d.orthogonalityError(), 1e-13);
        double[] s = SvdDecomposition.singularValues(out);
        assertEquals(s[0], d.sigmaMax(), 1e-13);
        assertEquals(s[5], d.sigmaMin(), 1e-12);      // via λ(OᵀO): ε·σ_max²/σ_min, σ_min ≈ 0.9
        assertEquals(s[0] - s[5], d.spread(), 1e-12);

        FloatMatrix out32 = new FloatMatrix(11, 6);
        NewtonSchulzDiagnostics d32 = NewtonSchulz.muon().form(NewtonSchulz.Form.AUTO).orthogonalizeWithDiagnostics(g.toFloat(), out32, new NewtonSchulzWorkspace());
        assertEquals(NewtonSchulz.Form.PLAIN, d32.form(), "AUTO is plain in float");
        assertEquals(0, d32.restarts());
        assertEquals(Asserts.orthogonalityError(11, 6, (i, j) -> out32.get(i, j)), d32.orthogonalityError(), 1e-12);

        NewtonSchulzDiagnostics z = NewtonSchulz.muon().orthogonalizeWithDiagnostics(new Matrix(3, 5), new Matrix(3, 5), null);
        assertEquals(0, z.iterations());
        assertEquals(Math.sqrt(3), z.orthogonalityError(), 1e-15);
        assertEquals(0, z.sigmaMax());
    }

    /** A Frobenius norm beyond the double/float range is handled by prescaling (no zero or NaN output). */
    @Test
    void hugeEntriesThatOverflowTheNormAreHandled() {
        Matrix g = Matrix.gaussian(6, 9, seed);
        NewtonSchulz noEps = NewtonSchulz.of(NewtonSchulzSchedule.muon().withEps(0));
        Matrix want = noEps.orthogonalize(g);
        Matrix huge = g.times(1e308 / g.normMax());                      // finite entries, ‖huge‖_F > Double.MAX_VALUE
        assertTrue(Double.isInfinite(huge.normF()) && !huge.hasNonFinite());
        assertTrue(maxAbsDiff(NewtonSchulz.muon().orthogonalize(huge), want) <= 1e-13);
        FloatMatrix hugeF = g.times(3e38 / g.normMax()).toFloat();      // finite floats, ‖hugeF‖_F > Float.MAX_VALUE
        assertTrue(hugeF.normF() > Float.MAX_VALUE && hugeF.normF() < Double.POSITIVE_INFINITY);
        // float rounding of the inputs and of the products: float tolerance
        assertTrue(maxAbsDiff(NewtonSchulz.muon().orthogonalize(hugeF).toDouble(), want) <= 2e-5);
    }

    /** ROOT looks the shape key up per call: an override for (5, 8) serves 8x5 and 5x8 (golden). */
    @Test
    void rootUsesTheShapesOwnTupleAndFallsBackToMuon() {
        NewtonSchulz root = NewtonSchulz.root(NewtonSchulzRootTable.published().with(8, 5, 3.4916, -4.8224, 2.1095), 5);
        for (String name : List.of("G_8x5", "G_5x8"))
            assertTrue(maxAbsDiff(root.orthogonalize(input(name)), expected(name, "root_ns5_override_f64")) <= GOLDEN_F64, name);
        // 16x16 and 6x4 are not in the table: MUON's tuple (golden muon_ns5_f64)
        for (String name : List.of("G_16x16", "R_6x4_rank2"))
            assertTrue(maxAbsDiff(root.orthogonalize(input(name)), expected(name, "muon_ns5_f64")) <= GOLDEN_F64, name);
        assertEquals("ROOT(5x8)", root.scheduleFor(5, 8).name());
        assertEquals("ROOT(MUON fallback)", root.scheduleFor(16, 16).name());
        assertEquals("ROOT(2048x2048)", NewtonSchulz.root().scheduleFor(2048, 2048).name());
        assertSame(root.scheduleFor(8, 5), root.scheduleFor(5, 8), "schedules are prebuilt, not allocated per call");
    }

    @Test
    void autoFormPicksTheCheaperFormInDoubleAndPlainInFloat() {
        NewtonSchulz auto = NewtonSchulz.muon().form(NewtonSchulz.Form.AUTO);
        assertEquals(NewtonSchulz.Form.GRAM, auto.formFor(16, 64, false));
        assertEquals(NewtonSchulz.Form.GRAM, auto.formFor(64, 16, false));
        assertEquals(NewtonSchulz.Form.PLAIN, auto.formFor(32, 32, false));
        assertEquals(NewtonSchulz.Form.PLAIN, auto.formFor(16, 64, true));
        // K = 5, one restart: plain 20r²c + 10r³, Gram 8r²c + 28r³
        assertEquals(20.0 * 16 * 16 * 64 + 10.0 * 16 * 16 * 16, NewtonSchulz.muon().flops(64, 16));
        assertEquals(8.0 * 16 * 16 * 64 + 28.0 * 16 * 16 * 16, NewtonSchulz.muon().gramSide(true).flops(16, 64));
        assertEquals(4.0 * 16 * 16 * 64 + 34.0 * 16 * 16 * 16, NewtonSchulz.muon().gramSide(true).restarts().flops(16, 64));
        assertEquals(auto.gramSide(true).orthogonalize(Matrix.gaussian(4, 40, seed)), auto.orthogonalize(Matrix.gaussian(4, 40, seed)));
    }

    @Test
    void configurationIsImmutableAndDescribed() {
        NewtonSchulz base = NewtonSchulz.muon();
        NewtonSchulz gram = base.gramSide(true).restarts(3, 1, 3);
        assertNotSame(base, gram);
        assertEquals(NewtonSchulz.Form.PLAIN, base.form());
        assertEquals(NewtonSchulz.Form.GRAM, gram.form());
        assertEquals(List.of(1, 3), java.util.Arrays.stream(gram.restartSteps()).boxed().toList());
        assertEquals(List.of(2), java.util.Arrays.stream(base.restartSteps()).boxed().toList());
        assertEquals("NewtonSchulz[MUON[5 steps, eps 1.0E-7, normScale 1.0], PLAIN]", base.describe());
        assertEquals("NewtonSchulz[MUON[5 steps, eps 1.0E-7, normScale 1.0], GRAM, restarts [1, 3], backend java]",
                gram.backend(JavaBackend.INSTANCE).describe());
        assertTrue(NewtonSchulz.root().describe().startsWith("NewtonSchulz[ROOT{2048x2048=(3.4916, -4.8224, 2.1095)"), NewtonSchulz.root().describe());
        assertEquals(1e-6, NewtonSchulz.polarExpress().scheduleFor(3, 3).eps());
    }
}
