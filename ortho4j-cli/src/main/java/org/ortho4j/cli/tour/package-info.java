/**
 * Runs {@code ortho4j tour}: {@link org.ortho4j.cli.tour.TourSteps} discovers the
 * {@link org.ortho4j.core.tour.TourStep}s of every module on the class path with
 * {@link java.util.ServiceLoader} and {@link org.ortho4j.cli.tour.TourRunner} runs them. The SPI
 * itself lives in ortho4j-core ({@code org.ortho4j.core.tour}) so method modules implement steps
 * without depending on the CLI.
 */
package org.ortho4j.cli.tour;
