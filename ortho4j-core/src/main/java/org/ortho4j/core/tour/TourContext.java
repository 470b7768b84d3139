package org.ortho4j.core.tour;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.Backends;

/**
 * What the tour hands every {@link TourStep}: the seed, the size mode, the backends that load on
 * this machine and a progress log. Immutable apart from the log's side effects.
 */
public final class TourContext {
    private final boolean quick;
    private final long seed;
    private final List<String> backends;
    private final Consumer<String> log;

    /**
     * @param quick    whether steps should use their short configuration
     * @param seed     base seed; steps derive their inputs from it
     * @param backends names of the backends available here, in preference order (copied)
     * @param log      receives progress messages (never printed by the steps themselves)
     */
    public TourContext(boolean quick, long seed, List<String> backends, Consumer<String> log) {
        this.quick = quick;
        this.seed = seed;
        this.backends = List.copyOf(backends);
        this.log = Objects.requireNonNull(log, "log");
    }

    /** A context with the backends of {@link Backends#available()} and a log that discards. */
    public static TourContext of(boolean quick, long seed) {
        return new TourContext(quick, seed, Backends.available(), m -> { });
    }

    /** True for {@code --quick}: smaller sizes, fewer repetitions. */
    public boolean quick() { return quick; }

    /** The base seed ({@code --seed}). */
    public long seed() { return seed; }

    /** Names of the backends that load here ({@code native}, {@code vector}, {@code java}). */
    public List<String> backendNames() { return backends; }

    /** The backend of that name ({@link Backends#byName}). */
    public Backend backend(String name) { return Backends.byName(name); }

    /** The active backend ({@link Backends#active()}). */
    public Backend active() { return Backends.active(); }

    /** Reports progress (shown on stderr or in the progress bar). */
    public void log(String message) { log.accept(message); }
}
