package org.ortho4j.cli.tour;

import org.ortho4j.core.tour.TourStep;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the {@link TourStep}s on the class path. */
public final class TourSteps {
    private TourSteps() {}

    /** Tour order: {@link TourStep#order()}, then {@link TourStep#capability()}, then class name. */
    public static final Comparator<TourStep> ORDER = Comparator.comparingInt(TourStep::order)
            .thenComparing(TourStep::capability)
            .thenComparing(s -> s.getClass().getName());

    /**
     * Every step registered in a {@code META-INF/services/org.ortho4j.core.tour.TourStep} file
     * visible to this class's loader, instantiated once, in {@link #ORDER}.
     *
     * @throws java.util.ServiceConfigurationError if a listed class is missing or cannot be built
     */
    public static List<TourStep> discover() {
        return ServiceLoader.load(TourStep.class, TourStep.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(ORDER)
                .collect(Collectors.toUnmodifiableList());
    }
}
