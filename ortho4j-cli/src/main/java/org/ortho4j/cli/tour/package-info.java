/**
 * The service-provider interface of {@code ortho4j tour}: a {@link org.ortho4j.cli.tour.TourStep}
 * runs one demonstration and returns {@link org.ortho4j.cli.tour.TourCheck}s (rows of the summary
 * table) and {@link org.ortho4j.cli.tour.Plot}s (charts of the HTML report);
 * {@link org.ortho4j.cli.tour.TourSteps} discovers steps with {@link java.util.ServiceLoader} and
 * {@link org.ortho4j.cli.tour.TourRunner} runs them.
 *
 * <p>The SPI types depend only on the JDK and ortho4j-core (no picocli, Jackson or XChart), so a
 * method module can implement steps without pulling in the CLI's dependencies once the SPI moves
 * to a module those modules already depend on.
 */
package org.ortho4j.cli.tour;
