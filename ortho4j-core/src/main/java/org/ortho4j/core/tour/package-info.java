/**
 * The service-provider interface of {@code ortho4j tour}: a {@link org.ortho4j.core.tour.TourStep}
 * runs one short demonstration and returns {@link org.ortho4j.core.tour.TourCheck}s (rows of the
 * summary table: capability, what was checked, the number, pass/fail) and
 * {@link org.ortho4j.core.tour.Plot}s (charts of the HTML report). Each module registers its steps
 * in {@code META-INF/services/org.ortho4j.core.tour.TourStep}; the CLI discovers them with
 * {@link java.util.ServiceLoader}. The types depend only on the JDK, so a module adds steps without
 * pulling in picocli, Jackson or XChart.
 */
package org.ortho4j.core.tour;
