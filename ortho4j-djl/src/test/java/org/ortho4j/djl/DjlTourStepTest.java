package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.testkit.Ortho4jTest;

/** The tour step is registered and its quick race passes every check, with both loss plots. */
class DjlTourStepTest extends Ortho4jTest {

    @Test
    void registeredAndPassing() throws Exception {
        TourStep step = ServiceLoader.load(TourStep.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s instanceof DjlTourStep).findFirst().orElseThrow(() -> new AssertionError("DjlTourStep not registered"));
        assertEquals("djl-lm", step.capability());
        TourResult r = step.run(new TourContext(true, 1, List.of("java"), m -> { }));
        for (TourCheck c : r.checks()) assertTrue(c.passed(), c.check() + ": " + c.value() + " " + c.criterionText());
        // per optimizer: loss, speed, ortho share; plus the gain over AdamW for the three Muon-family ones
        assertEquals(6 * 3 + 3, r.checks().size());
        assertEquals(List.of("djl-lm-val-loss", "djl-lm-train-loss"), r.plots().stream().map(Plot::id).toList());
        for (Plot p : r.plots()) assertEquals(6, p.series().size());
    }
}
