/**
 * The tour steps of ortho4j-core's foundations: GEMM accuracy and speed ({@link
 * org.ortho4j.core.tour.steps.GemmStep}), SYRK symmetry ({@link org.ortho4j.core.tour.steps.SyrkStep}),
 * backend conformance ({@link org.ortho4j.core.tour.steps.BackendConformanceStep}) and determinism
 * ({@link org.ortho4j.core.tour.steps.DeterminismStep}). Registered in
 * {@code META-INF/services/org.ortho4j.core.tour.TourStep}; steps for decompositions, IO and the
 * method modules are added the same way (see {@link org.ortho4j.core.tour.TourStep}).
 */
package org.ortho4j.core.tour.steps;
