package org.ortho4j.cli.tour;

import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

class TourSpiTest extends Ortho4jTest {

    @Test
    void criteriaJudgeValuesAndNaNFails() {
        assertTrue(TourCheck.atMost("c", "x", 1e-16, 1e-14).passed());
        assertTrue(TourCheck.atMost("c", "x", 1e-14, 1e-14).passed());
        assertFalse(TourCheck.atMost("c", "x", 2e-14, 1e-14).passed());
        assertFalse(TourCheck.atMost("c", "x", Double.NaN, 1e-14).passed());
        assertTrue(TourCheck.equalTo("c", "x", 0, 0).passed());
        assertFalse(TourCheck.equalTo("c", "x", Double.MIN_VALUE, 0).passed());
        assertTrue(TourCheck.above("c", "x", 1, 0).passed());
        assertFalse(TourCheck.above("c", "x", 0, 0).passed());
        assertFalse(TourCheck.above("c", "x", Double.NaN, 0).passed());
        TourCheck error = TourCheck.error("c", "x", "why");
        assertFalse(error.passed());
        assertEquals("error", error.criterionText());
        assertEquals("why", error.detail());
        assertEquals("<= 4.485e-14", TourCheck.atMost("c", "x", 0, 4.4853e-14).criterionText());
    }

    @Test
    void aCheckCannotClaimAVerdictItsCriterionDenies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TourCheck("c", "x", 2, TourCheck.Criterion.AT_MOST, 1, true, null));
        assertTrue(e.getMessage().contains("passed = true"), e.getMessage());
    }

    @Test
    void numbersAreFormattedForTheTable() {
        assertEquals("0", TourCheck.formatNumber(0));
        assertEquals("8633", TourCheck.formatNumber(8633));
        assertEquals("-3", TourCheck.formatNumber(-3));
        assertEquals("26.85", TourCheck.formatNumber(26.8512));
        assertEquals("0.001235", TourCheck.formatNumber(0.0012345));
        assertEquals("2.187e-16", TourCheck.formatNumber(2.1874e-16));
        assertEquals("1.235e+15", TourCheck.formatNumber(1.2345e15));
        assertEquals("NaN", TourCheck.formatNumber(Double.NaN));
    }

    @Test
    void plotValidatesItsIdAndCopiesItsData() {
        double[] x = {1, 2}, y = {3, 4};
        Plot.Series s = new Plot.Series("s", x, y);
        x[0] = 99;
        assertEquals(1, s.x()[0], "copied on construction");
        s.y()[0] = 99;
        assertEquals(3, s.y()[0], "copied on access");
        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
                () -> new Plot("GEMM speed", "t", "x", "y", Plot.Kind.BAR, List.of(s)));
        assertTrue(badId.getMessage().contains("id = GEMM speed"), badId.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Plot("p", "t", "x", "y", Plot.Kind.LINE, List.of()));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> new Plot.Series("s", new double[2], new double[3]));
        assertTrue(lengths.getMessage().contains("x.length = 2"), lengths.getMessage());
    }

    @Test
    void runnerTurnsErrorsAndEmptyResultsIntoFailedChecksAndGoesOn() {
        List<String> events = new ArrayList<>();
        List<TourStep> steps = List.of(
                step("empty", 1, ctx -> TourResult.builder("empty").build()),
                step("linkage", 2, ctx -> { throw new NoClassDefFoundError("some/Missing"); }),
                step("ok", 3, ctx -> { ctx.log("hello"); return TourResult.builder("ok").equalTo("zero", 0, 0).build(); }));
        TourContext ctx = new TourContext(true, 7, List.of("java"), events::add);
        TourRun run = TourRunner.run(steps, ctx, new TourRunner.Listener() {
            @Override public void started(int i, int n, TourStep s) { events.add("start " + i + "/" + n + " " + s.capability()); }
        });
        assertEquals(List.of("start 0/3 empty", "start 1/3 linkage", "start 2/3 ok", "hello"), events);
        assertEquals("1 passed, 2 failed", run.summary());
        assertEquals("the step returned no check", run.checks().get(0).detail());
        assertEquals("java.lang.NoClassDefFoundError: some/Missing", run.checks().get(1).detail());
        assertEquals(TourCheck.Criterion.ERROR, run.checks().get(1).criterion());
        assertEquals(7, run.seed());
        assertTrue(run.quick());
    }

    @Test
    void discoveryFindsTheCoreStepsInOrder() {
        List<TourStep> steps = TourSteps.discover();
        assertEquals(List.of("gemm", "syrk", "backends", "determinism", "decomp", "householder", "orthogonalize", "transforms", "kronecker", "assignment"),
                steps.stream().map(TourStep::capability).toList().subList(0, 10));
        List<TourStep> shuffled = new ArrayList<>(List.of(step("b", 5, null), step("a", 5, null), step("z", 1, null)));
        shuffled.sort(TourSteps.ORDER);
        assertEquals(List.of("z", "a", "b"), shuffled.stream().map(TourStep::capability).toList());
    }

    private interface Body {
        TourResult run(TourContext ctx) throws Exception;
    }

    private static TourStep step(String capability, int order, Body body) {
        return new TourStep() {
            @Override public String capability() { return capability; }
            @Override public String title() { return capability; }
            @Override public int order() { return order; }
            @Override public TourResult run(TourContext ctx) throws Exception { return body.run(ctx); }
        };
    }
}
