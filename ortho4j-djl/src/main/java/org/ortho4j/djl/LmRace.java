package org.ortho4j.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.ortho4j.core.Check;
import org.ortho4j.core.io.AtomicFiles;
import org.ortho4j.core.random.SplitMix64;
import org.ortho4j.optim.AdamW;
import org.ortho4j.optim.LrSchedule;

/**
 * The language-model race: a small character-level transformer ({@link CharTransformer}) trained
 * on the shipped tinyshakespeare slice ({@link CharCorpus#shakespeare()}) with AdamW, Muon, NorMuon,
 * ROOT, AuON and DCT-AdamW through DJL's {@link Trainer} on the PyTorch engine, compared at equal
 * steps and at equal training time.
 *
 * <p><b>Protocol</b> ({@link #run}).
 * <ol>
 *   <li>Every contender trains the same model (same seeded initialization per seed) on the same
 *       sequence of batches (seeded windows of the training split), for {@link Config#steps}
 *       steps, with the warmup–stable–decay schedule {@link LrSchedule#wsd} (linear warm-up over
 *       {@code warmupFraction} of the steps, constant, then linear decay to 0 over the last
 *       {@code decayFraction}). The matrix optimizers take the {@code 4·layers} hidden matrices
 *       ({@link Routing#forBlock}); embeddings, head and norm parameters use AdamW with the AdamW
 *       contender's learning rate ({@link Config#auxLearningRate()}), betas (0.9, 0.95), eps 1e-8.
 *       Weight decay is 0 everywhere. Seeds run in the outer loop and contenders in the inner one,
 *       so a slow phase of a shared machine affects all contenders alike.</li>
 *   <li><b>Equal steps</b>: the final training and validation losses after those steps.</li>
 *   <li><b>Equal time</b> (when {@link Config#equalTime()}): the budget is the training time of the
 *       fastest contender for {@code steps} steps, from its median time per step on
 *       {@link Config#clock()} (averaged over the seeds); every other contender is re-run from
 *       scratch with {@code round(budget / its time per step)} steps and its schedule stretched to
 *       that length (the fastest one's equal-step runs are reused). The step counts come from the
 *       speeds measured in the equal-steps phase and are reported. On the {@link Clock#WALL} clock
 *       this is the equal wall-clock comparison; {@link Clock#CPU} measures the same on the
 *       training thread's CPU time, which equals the wall-clock time of an otherwise idle machine
 *       and is not disturbed by other processes.</li>
 * </ol>
 * Reported per run: the final training loss (evaluation mode, on {@code evalBatches} fixed batches
 * of the training split) and validation loss (same on the validation split), the training time per
 * step on both clocks (forward, backward and optimizer step; evaluations excluded), the share of
 * that time spent inside the optimizer and inside its matrix transform
 * ({@link OrthoOptimizer#stats()}), and the curves: the training-batch loss at every step and the
 * validation loss every {@code evalEvery} steps, with elapsed training seconds. A run whose loss
 * becomes non-finite stops and is reported as diverged (excluded from the loss means).
 *
 * <p><b>Learning rates</b> ({@link Contender#defaultLearningRate()}) were chosen with {@code LmRace
 * sweep}: the {@link Config#full()} model and schedule, 250 steps, seed 1, each contender at its
 * starting rate times {1/4, 1/2, 1, 2, 4}; the rate with the lowest validation loss was kept, the
 * smaller one when two were within 0.01 nats (results in the module README). Re-run the sweep after
 * changing the model.
 *
 * <p>{@link #main} runs {@code quick} (seconds) or {@code full} (about 7 minutes of compute on one
 * core) and writes {@code lm-race.csv} (curves) and {@code lm-race.json} (configuration, table,
 * runs) atomically. The engine runs offline ({@link #engineDefaults()}): libtorch comes from the
 * bundled native jar and nothing is downloaded.
 */
public final class LmRace {
    private LmRace() {}

    /** The optimizers of the race. */
    public enum Contender {
        /** AdamW on every parameter. */
        ADAMW("AdamW", 3e-3),
        /** Muon (KellerJordan defaults) on the hidden matrices. */
        MUON("Muon", 0.02),
        /** NorMuon (official code defaults). */
        NORMUON("NorMuon", 0.02),
        /** ROOT (official example defaults, wd 0; MATCH_RMS_ADAMW shape factor 0.2·sqrt(max(m, n))). */
        ROOT("ROOT", 0.012),
        /** AuON, paper variant. */
        AUON("AuON", 0.025),
        /** DCT-AdamW with rank dModel/4, betas (0.9, 0.95). */
        DCT_ADAMW("DCT-AdamW", 6e-3);

        private final String label;
        private final double defaultLr;

        Contender(String label, double defaultLr) {
            this.label = label;
            this.defaultLr = defaultLr;
        }

        /** The display name. */
        public String label() { return label; }

        /** The learning rate chosen for the {@link Config#full()} race (see the class documentation). */
        public double defaultLearningRate() { return defaultLr; }

        /** Whether the optimizer orthogonalizes with Newton–Schulz (the Muon family). */
        public boolean muonFamily() { return this == MUON || this == NORMUON || this == ROOT; }
    }

    /** How the contenders are made comparable. */
    public enum Budget {
        /** Same number of steps. */
        STEPS,
        /** Same training time on {@link Config#clock()}: the fastest contender's time for the configured steps. */
        TIME
    }

    /** Which clock the equal-time budget is measured on. */
    public enum Clock {
        /** Elapsed wall-clock time of the training steps. */
        WALL,
        /**
         * CPU time of the training thread. With one PyTorch thread ({@link #engineDefaults()}) the
         * engine computes on the calling thread, so this is the step's compute time, unaffected by
         * other processes: the wall-clock time the step would take on an otherwise idle machine.
         */
        CPU
    }

    /**
     * The race settings. Start from {@link #full()} or {@link #quick()} and adjust with
     * {@link #toBuilder()}.
     *
     * @param model          the architecture (its vocabulary must match the corpus)
     * @param batchSize      sequences per step ≥ 1
     * @param steps          training steps per run ≥ 1 (at equal steps)
     * @param warmupFraction share of the steps with linear warm-up, in [0, 1)
     * @param decayFraction  share of the steps with linear decay to 0, in (0, 1]
     * @param seeds          initialization/batching seeds (≥ 1 of them)
     * @param contenders     the optimizers, in table order (≥ 1, no repeats)
     * @param learningRates  base learning rate per contender (missing: the default)
     * @param evalEvery      validation loss every this many steps ≥ 1 (and at the end)
     * @param evalBatches    batches of {@code batchSize} sequences per evaluation ≥ 1
     * @param equalTime      whether to run the equal-time phase
     * @param clock          the clock of the equal-time budget
     */
    public record Config(CharTransformer.Config model, int batchSize, int steps, double warmupFraction, double decayFraction,
                         List<Long> seeds, List<Contender> contenders, Map<Contender, Double> learningRates, int evalEvery,
                         int evalBatches, boolean equalTime, Clock clock) {
        /** Validates and copies. */
        public Config {
            Check.notNull("model", model);
            Check.positive("batchSize", batchSize);
            Check.positive("steps", steps);
            if (!(warmupFraction >= 0 && warmupFraction < 1))
                throw new IllegalArgumentException("warmupFraction = " + warmupFraction + ", expected a value in [0, 1)");
            if (!(decayFraction > 0 && decayFraction <= 1))
                throw new IllegalArgumentException("decayFraction = " + decayFraction + ", expected a value in (0, 1]");
            seeds = List.copyOf(Check.notNull("seeds", seeds));
            if (seeds.isEmpty()) throw new IllegalArgumentException("seeds is empty, expected at least one seed");
            contenders = List.copyOf(Check.notNull("contenders", contenders));
            if (contenders.isEmpty()) throw new IllegalArgumentException("contenders is empty, expected at least one");
            if (contenders.stream().distinct().count() != contenders.size())
                throw new IllegalArgumentException("contenders = " + contenders + ", expected no repeats");
            learningRates = Map.copyOf(Check.notNull("learningRates", learningRates));
            learningRates.forEach((c, lr) -> Args.positive("learningRates[" + c + "]", lr));
            Check.positive("evalEvery", evalEvery);
            Check.positive("evalBatches", evalBatches);
            Check.notNull("clock", clock);
        }

        /**
         * The full race: 2 layers, d 96, 4 heads, context 64 (234k parameters), batch 16, 250
         * steps (warm-up 10%, decay over the last 30%), seeds 1, 2 and 3, all six contenders,
         * validation every 25 steps on 8 batches, equal-time phase on the wall clock. About 7
         * minutes of compute on one core (32–46 ms per step).
         *
         * @return the configuration
         */
        public static Config full() {
            return new Config(new CharTransformer.Config(62, 64, 96, 4, 2), 16, 250, 0.1, 0.3, List.of(1L, 2L, 3L),
                    List.of(Contender.values()), Map.of(), 25, 8, true, Clock.WALL);
        }

        /**
         * The quick race (the tour's): 2 layers, d 32, 2 heads, context 32, batch 8, 40 steps,
         * seed 1, all six contenders, validation every 10 steps on 2 batches, no equal-time phase.
         * Under 30 s on 2 CPU cores.
         *
         * @return the configuration
         */
        public static Config quick() {
            return new Config(new CharTransformer.Config(62, 32, 32, 2, 2), 8, 40, 0.1, 0.3, List.of(1L), List.of(Contender.values()),
                    Map.of(), 10, 2, false, Clock.WALL);
        }

        /** A builder initialized with these settings. */
        public Builder toBuilder() { return new Builder(this); }

        /** The base learning rate of a contender. */
        public double learningRate(Contender c) { return learningRates.getOrDefault(c, c.defaultLearningRate()); }

        /** The auxiliary AdamW rate of the matrix optimizers: the AdamW contender's rate. */
        public double auxLearningRate() { return learningRate(Contender.ADAMW); }

        /** Builder of a modified {@link Config}; {@link #build()} validates. */
        public static final class Builder {
            private CharTransformer.Config model;
            private int batchSize, steps, evalEvery, evalBatches;
            private double warmupFraction, decayFraction;
            private List<Long> seeds;
            private List<Contender> contenders;
            private final Map<Contender, Double> learningRates = new EnumMap<>(Contender.class);
            private boolean equalTime;
            private Clock clock;

            private Builder(Config c) {
                model = c.model;
                batchSize = c.batchSize;
                steps = c.steps;
                warmupFraction = c.warmupFraction;
                decayFraction = c.decayFraction;
                seeds = c.seeds;
                contenders = c.contenders;
                learningRates.putAll(c.learningRates);
                evalEvery = c.evalEvery;
                evalBatches = c.evalBatches;
                equalTime = c.equalTime;
                clock = c.clock;
            }

            /** The architecture. */
            public Builder model(CharTransformer.Config v) { model = v; return this; }

            /** Sequences per step. */
            public Builder batchSize(int v) { batchSize = v; return this; }

            /** Steps per run at equal steps. */
            public Builder steps(int v) { steps = v; return this; }

            /** Warm-up and decay shares of the schedule. */
            public Builder schedule(double warmup, double decay) { warmupFraction = warmup; decayFraction = decay; return this; }

            /** The seeds. */
            public Builder seeds(List<Long> v) { seeds = v; return this; }

            /** The contenders, in table order. */
            public Builder contenders(List<Contender> v) { contenders = v; return this; }

            /** The base learning rate of one contender. */
            public Builder learningRate(Contender c, double lr) { learningRates.put(Check.notNull("contender", c), lr); return this; }

            /** Evaluation period and size. */
            public Builder evaluation(int every, int batches) { evalEvery = every; evalBatches = batches; return this; }

            /** The equal-time phase and its clock. */
            public Builder equalTime(boolean on, Clock c) { equalTime = on; clock = c; return this; }

            /** The validated configuration. */
            public Config build() {
                return new Config(model, batchSize, steps, warmupFraction, decayFraction, seeds, contenders, learningRates, evalEvery,
                        evalBatches, equalTime, clock);
            }
        }
    }

    /**
     * One training run.
     *
     * @param contender      the optimizer
     * @param budget         which comparison it belongs to
     * @param seed           initialization and batching seed
     * @param learningRate   base learning rate of the contender
     * @param steps          steps configured ({@code completedSteps} fewer if it diverged)
     * @param completedSteps steps taken
     * @param diverged       true when the loss became non-finite
     * @param initialValLoss validation loss before training
     * @param finalTrainLoss training loss at the end (evaluation mode; NaN if diverged)
     * @param finalValLoss   validation loss at the end (NaN if diverged)
     * @param optimizerShare share of the training wall time inside the optimizer
     * @param orthoShare     share of the training wall time in the optimizer's matrix transform
     * @param stepLoss       training-batch loss at steps 1..completedSteps
     * @param stepSeconds    elapsed training wall-clock seconds after each step (evaluations excluded)
     * @param stepCpuSeconds elapsed training-thread CPU seconds after each step ({@link Clock#CPU})
     * @param evalSteps      steps at which the validation loss was measured (0 = before training)
     * @param evalValLoss    those validation losses
     */
    public record Run(Contender contender, Budget budget, long seed, double learningRate, int steps, int completedSteps, boolean diverged,
                      double initialValLoss, double finalTrainLoss, double finalValLoss, double optimizerShare, double orthoShare,
                      double[] stepLoss, double[] stepSeconds, double[] stepCpuSeconds, int[] evalSteps, double[] evalValLoss) {
        /** Copies the arrays. */
        public Run {
            stepLoss = stepLoss.clone();
            stepSeconds = stepSeconds.clone();
            stepCpuSeconds = stepCpuSeconds.clone();
            evalSteps = evalSteps.clone();
            evalValLoss = evalValLoss.clone();
        }

        /** Total training seconds on {@code clock}. */
        public double trainSeconds(Clock clock) {
            double[] t = clock == Clock.WALL ? stepSeconds : stepCpuSeconds;
            return t.length == 0 ? 0 : t[t.length - 1];
        }

        /**
         * Training milliseconds per step on {@code clock}: the median of the per-step times
         * (robust to the pauses of a shared machine; {@code trainSeconds / completedSteps} is the mean).
         */
        public double millisPerStep(Clock clock) {
            double[] t = clock == Clock.WALL ? stepSeconds : stepCpuSeconds;
            if (t.length == 0) return Double.NaN;
            double[] d = new double[t.length];
            for (int i = 0; i < d.length; i++) d[i] = t[i] - (i == 0 ? 0 : t[i - 1]);
            Arrays.sort(d);
            int h = d.length / 2;
            return 1e3 * (d.length % 2 == 1 ? d[h] : (d[h - 1] + d[h]) / 2);
        }

        /** A copy filed under another budget. */
        Run as(Budget b) {
            return new Run(contender, b, seed, learningRate, steps, completedSteps, diverged, initialValLoss, finalTrainLoss, finalValLoss,
                    optimizerShare, orthoShare, stepLoss, stepSeconds, stepCpuSeconds, evalSteps, evalValLoss);
        }
    }

    /**
     * One row of the result table: a contender under one budget, over the seeds.
     *
     * @param contender      the optimizer
     * @param budget         the comparison
     * @param runs           runs (seeds)
     * @param diverged       runs that diverged
     * @param steps          mean steps per run
     * @param trainLoss      mean final training loss over the converged runs
     * @param trainSpread    sample standard deviation of it (NaN for one run)
     * @param valLoss        mean final validation loss
     * @param valSpread      sample standard deviation of it
     * @param millisPerStep  mean over the runs of the median wall-clock time per step
     * @param cpuMillisPerStep the same on the training thread's CPU clock
     * @param optimizerShare mean share of the step time inside the optimizer
     * @param orthoShare     mean share of the step time in the matrix transform
     */
    public record Row(Contender contender, Budget budget, int runs, int diverged, double steps, double trainLoss, double trainSpread,
                      double valLoss, double valSpread, double millisPerStep, double cpuMillisPerStep, double optimizerShare,
                      double orthoShare) {}

    /**
     * The race's outcome.
     *
     * @param config the settings
     * @param engine engine name, version and device
     * @param runs   every run, equal-steps first
     * @param table  one row per contender and budget
     */
    public record Result(Config config, String engine, List<Run> runs, List<Row> table) {
        /** Copies the lists. */
        public Result {
            runs = List.copyOf(runs);
            table = List.copyOf(table);
        }

        /** The row of a contender under a budget, or null. */
        public Row row(Contender c, Budget b) {
            return table.stream().filter(r -> r.contender() == c && r.budget() == b).findFirst().orElse(null);
        }

        /** The table as aligned text (mean ± sample standard deviation over the seeds). */
        public String formatTable() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-10s %-9s %6s %8s %-17s %-17s %8s %8s %5s %6s%n", "optimizer", "budget", "steps", "lr",
                    "train loss", "val loss", "ms/step", "cpu ms", "opt%", "ortho%"));
            for (Row r : table) {
                sb.append(String.format(Locale.ROOT, "%-10s %-9s %6.0f %8.3g %-17s %-17s %8.1f %8.1f %5.1f %6.1f%s%n", r.contender().label(),
                        r.budget() == Budget.STEPS ? "steps" : "time/" + config.clock().name().toLowerCase(Locale.ROOT), r.steps(),
                        config.learningRate(r.contender()), pm(r.trainLoss(), r.trainSpread()), pm(r.valLoss(), r.valSpread()),
                        r.millisPerStep(), r.cpuMillisPerStep(), 100 * r.optimizerShare(), 100 * r.orthoShare(),
                        r.diverged() > 0 ? "  (" + r.diverged() + " diverged)" : ""));
            }
            return sb.toString();
        }

        private static String pm(double mean, double spread) {
            if (Double.isNaN(mean)) return "diverged";
            return Double.isNaN(spread) ? String.format(Locale.ROOT, "%.4f", mean) : String.format(Locale.ROOT, "%.4f ± %.4f", mean, spread);
        }
    }

    /**
     * Runs the race (see the class documentation).
     *
     * @param config the settings
     * @param log    progress messages
     * @return the result
     * @throws IllegalArgumentException if the model's vocabulary does not match the corpus
     */
    public static Result run(Config config, Consumer<String> log) {
        Check.notNull("config", config);
        Check.notNull("log", log);
        engineDefaults();
        CharCorpus corpus = corpus(config);
        warmUp(config, corpus);
        List<Run> runs = new ArrayList<>();
        Map<Contender, List<Run>> byContender = new LinkedHashMap<>();
        for (long seed : config.seeds()) {    // contenders interleaved, so slow phases of a shared machine hit all of them
            for (Contender c : config.contenders()) {
                Run r = train(config, corpus, c, seed, config.steps(), Budget.STEPS, log);
                runs.add(r);
                byContender.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            }
        }
        if (config.equalTime()) {
            Map<Contender, Double> ms = new EnumMap<>(Contender.class);
            byContender.forEach((c, rs) -> ms.put(c, rs.stream().mapToDouble(r -> r.millisPerStep(config.clock())).average().orElse(Double.NaN)));
            double fastest = ms.values().stream().filter(v -> v > 0).min(Double::compare).orElseThrow();
            double budgetMs = fastest * config.steps();
            log.accept(String.format(Locale.ROOT, "equal-time budget: %.1f s of training (%s clock)", budgetMs / 1e3, config.clock()));
            for (int s = 0; s < config.seeds().size(); s++) {
                for (Contender c : config.contenders()) {
                    int n = Math.max(1, (int) Math.round(budgetMs / ms.get(c)));
                    Run same = byContender.get(c).get(s);
                    runs.add(n == config.steps() ? same.as(Budget.TIME) : train(config, corpus, c, same.seed(), n, Budget.TIME, log));
                }
            }
        }
        return new Result(config, engineDescription(), runs, table(config, runs));
    }

    /**
     * A learning-rate sweep of one contender: one run per rate (first seed, the configuration's
     * steps, equal-steps budget).
     *
     * @param config the settings
     * @param c      the contender
     * @param rates  the rates to try (≥ 1, each finite and &gt; 0)
     * @param log    progress messages
     * @return the runs, in the order of {@code rates}
     */
    public static List<Run> sweep(Config config, Contender c, double[] rates, Consumer<String> log) {
        Check.notNull("config", config);
        Check.notNull("c", c);
        Check.notNull("rates", rates);
        Check.positive("rates.length", rates.length);
        engineDefaults();
        CharCorpus corpus = corpus(config);
        List<Run> out = new ArrayList<>();
        for (double lr : rates) {
            Config one = config.toBuilder().learningRate(c, lr).build();
            out.add(train(one, corpus, c, config.seeds().get(0), config.steps(), Budget.STEPS, log));
        }
        return out;
    }

    /** The shipped corpus, after checking the model's vocabulary size. */
    private static CharCorpus corpus(Config config) {
        CharCorpus corpus = CharCorpus.shakespeare();
        if (config.model().vocabulary() != corpus.vocabularySize())
            throw new IllegalArgumentException("model vocabulary = " + config.model().vocabulary() + ", expected the corpus's "
                    + corpus.vocabularySize());
        if (config.model().context() >= corpus.valTokens())
            throw new IllegalArgumentException("model context = " + config.model().context() + ", expected < " + corpus.valTokens());
        return corpus;
    }

    /** A few untimed steps of every contender so that JIT compilation does not bias the first timed run. */
    private static void warmUp(Config config, CharCorpus corpus) {
        Config w = config.toBuilder().steps(3).build();
        for (Contender c : config.contenders()) train(w, corpus, c, 0, 3, Budget.STEPS, m -> { });
    }

    /**
     * Engine settings unless already given: {@code ai.djl.offline=true} (never download) and one
     * PyTorch intra-op and inter-op thread ({@code ai.djl.pytorch.num_threads},
     * {@code ai.djl.pytorch.num_interop_threads}). The model is small: on a loaded two-core machine
     * PyTorch's default OpenMP threads spin-wait for each other and made a step about ten times
     * slower than one thread (measured 300–1100 ms vs 20–65 ms on the quick race). Thread settings
     * only act if the engine has not been started yet.
     */
    static void engineDefaults() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null)
            System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null)
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** Engine name, version and default device. */
    static String engineDescription() {
        Engine e = Engine.getInstance();
        return e.getEngineName() + " " + e.getVersion() + " on " + e.defaultDevice();
    }

    /** The optimizer of a contender for a run of {@code steps} steps. */
    static OrthoOptimizer optimizer(Config config, Contender c, int steps, Routing routing) {
        LrSchedule schedule = LrSchedule.wsd(Math.round(config.warmupFraction() * steps), steps, config.decayFraction(), 0);
        Tracker lr = new ScheduleTracker(config.learningRate(c), schedule);
        Tracker auxLr = new ScheduleTracker(config.auxLearningRate(), schedule);
        AdamW aux = AdamW.builder().lr(config.auxLearningRate()).betas(0.9, 0.95).eps(1e-8).weightDecay(0).build();
        return switch (c) {
            case ADAMW -> DjlAdamW.builder().optLearningRateTracker(lr).optBetas(0.9, 0.95).optEpsilon(1e-8).build();
            case MUON -> withAux(DjlMuon.builder(), lr, auxLr, aux, routing).build();
            case NORMUON -> withAux(DjlNorMuon.builder(), lr, auxLr, aux, routing).build();
            case ROOT -> withAux(DjlRoot.builder(), lr, auxLr, aux, routing).build();
            case AUON -> withAux(DjlAuon.builder(), lr, auxLr, aux, routing).build();
            case DCT_ADAMW -> withAux(DjlDctAdamW.builder(), lr, auxLr, aux, routing).optRank(Math.max(1, config.model().dModel() / 4))
                    .optBetas(0.9, 0.95).build();
        };
    }

    private static <T extends OrthoOptimizer.Builder<T>> T withAux(T b, Tracker lr, Tracker auxLr, AdamW aux, Routing routing) {
        return b.optLearningRateTracker(lr).optAuxAdamW(aux).optAuxLearningRateTracker(auxLr).optRouting(routing);
    }

    /** Trains one run; see the class documentation. */
    static Run train(Config config, CharCorpus corpus, Contender c, long seed, int steps, Budget budget, Consumer<String> log) {
        CharTransformer.Config mc = config.model();
        int batch = config.batchSize(), ctx = mc.context();
        try (Model model = Model.newInstance("char-lm-" + c.label())) {
            CharTransformer block = new CharTransformer(mc, seed);
            model.setBlock(block);
            OrthoOptimizer opt = optimizer(config, c, steps, Routing.forBlock(block));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(CharTransformer.loss()).optOptimizer(opt))) {
                trainer.initialize(new Shape(batch, ctx));
                NDManager manager = trainer.getManager();
                Evaluator eval = new Evaluator(trainer, corpus, config);
                SplitMix64 batches = new SplitMix64(SplitMix64.mix(seed ^ 0x5DEECE66DL));
                double[] stepLoss = new double[steps], stepSeconds = new double[steps], stepCpu = new double[steps];
                List<Integer> evalSteps = new ArrayList<>(List.of(0));
                List<Double> evalLoss = new ArrayList<>(List.of(eval.loss(true)));
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long nanos = 0, cpuNanos = 0;
                int done = 0;
                boolean diverged = false;
                opt.resetStats();
                for (int step = 1; step <= steps; step++) {
                    long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
                    double loss;
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        long[][] w = corpus.windows(false, batch, ctx, batches);
                        NDArray x = manager.create(w[0], new Shape(batch, ctx)), y = manager.create(w[1], new Shape(batch, ctx));
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray l = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                            gc.backward(l);
                            loss = l.getFloat();
                        }
                        if (Double.isFinite(loss)) trainer.step();
                    }
                    nanos += System.nanoTime() - t0;
                    cpuNanos += threads.getCurrentThreadCpuTime() - c0;
                    if (!Double.isFinite(loss)) {
                        diverged = true;
                        break;
                    }
                    stepLoss[step - 1] = loss;
                    stepSeconds[step - 1] = nanos / 1e9;
                    stepCpu[step - 1] = cpuNanos / 1e9;
                    done = step;
                    if (step % config.evalEvery() == 0 || step == steps) {
                        evalSteps.add(step);
                        evalLoss.add(eval.loss(true));
                    }
                }
                double finalVal = diverged ? Double.NaN : evalLoss.get(evalLoss.size() - 1);
                double finalTrain = diverged ? Double.NaN : eval.loss(false);
                var stats = opt.stats();
                Run r = new Run(c, budget, seed, config.learningRate(c), steps, done, diverged, evalLoss.get(0), finalTrain, finalVal,
                        nanos == 0 ? Double.NaN : (double) stats.stepNanos() / nanos,
                        nanos == 0 ? Double.NaN : (double) stats.orthogonalizeNanos() / nanos, Arrays.copyOf(stepLoss, done),
                        Arrays.copyOf(stepSeconds, done), Arrays.copyOf(stepCpu, done), evalSteps.stream().mapToInt(Integer::intValue).toArray(),
                        evalLoss.stream().mapToDouble(Double::doubleValue).toArray());
                log.accept(String.format(Locale.ROOT, "%s %s seed %d lr %.3g: %d steps, train %.4f, val %.4f, %.1f ms/step (cpu %.1f)%s",
                        c.label(), budget, seed, r.learningRate(), done, finalTrain, finalVal, r.millisPerStep(Clock.WALL),
                        r.millisPerStep(Clock.CPU), diverged ? " DIVERGED" : ""));
                return r;
            }
        }
    }

    /** Evaluation-mode loss on fixed windows of each split (the same windows for every run). */
    private static final class Evaluator {
        private final Trainer trainer;
        private final int batch, ctx;
        private final long[][][] trainSet, valSet;

        Evaluator(Trainer trainer, CharCorpus corpus, Config config) {
            this.trainer = trainer;
            batch = config.batchSize();
            ctx = config.model().context();
            trainSet = windows(corpus, false, config.evalBatches(), new SplitMix64(0x7EA1L));
            valSet = windows(corpus, true, config.evalBatches(), new SplitMix64(0x7A1DL));
        }

        private long[][][] windows(CharCorpus corpus, boolean val, int count, SplitMix64 rng) {
            long[][][] out = new long[count][][];
            for (int i = 0; i < count; i++) out[i] = corpus.windows(val, batch, ctx, rng);
            return out;
        }

        /** Mean loss over the validation (or training) evaluation batches. */
        double loss(boolean validation) {
            double sum = 0;
            long[][][] set = validation ? valSet : trainSet;
            for (long[][] w : set) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDManager m = trainer.getManager();
                    NDArray x = m.create(w[0], new Shape(batch, ctx)), y = m.create(w[1], new Shape(batch, ctx));
                    sum += trainer.getLoss().evaluate(new NDList(y), trainer.evaluate(new NDList(x))).getFloat();
                }
            }
            return sum / set.length;
        }
    }

    /** The rows: per contender and budget, means and sample standard deviations over the runs. */
    static List<Row> table(Config config, List<Run> runs) {
        List<Row> rows = new ArrayList<>();
        for (Budget b : Budget.values()) {
            for (Contender c : config.contenders()) {
                List<Run> rs = runs.stream().filter(r -> r.contender() == c && r.budget() == b).toList();
                if (rs.isEmpty()) continue;
                List<Run> ok = rs.stream().filter(r -> !r.diverged()).toList();
                rows.add(new Row(c, b, rs.size(), rs.size() - ok.size(), rs.stream().mapToInt(Run::steps).average().orElse(0),
                        mean(ok, Run::finalTrainLoss), std(ok, Run::finalTrainLoss), mean(ok, Run::finalValLoss), std(ok, Run::finalValLoss),
                        mean(rs, r -> r.millisPerStep(Clock.WALL)), mean(rs, r -> r.millisPerStep(Clock.CPU)), mean(rs, Run::optimizerShare),
                        mean(rs, Run::orthoShare)));
            }
        }
        return rows;
    }

    private static double mean(List<Run> rs, java.util.function.ToDoubleFunction<Run> f) {
        return rs.isEmpty() ? Double.NaN : rs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static double std(List<Run> rs, java.util.function.ToDoubleFunction<Run> f) {
        if (rs.size() < 2) return Double.NaN;
        double m = mean(rs, f), s = 0;
        for (Run r : rs) s += Math.pow(f.applyAsDouble(r) - m, 2);
        return Math.sqrt(s / (rs.size() - 1));
    }

    /**
     * Writes the curves as CSV, atomically: one line per run and step,
     * {@code optimizer,budget,seed,lr,step,seconds,cpu_seconds,train_loss,val_loss} (elapsed
     * training time on both clocks; {@code val_loss} empty where it was not measured; step 0 is
     * the state before training, with an empty training loss).
     *
     * @param result the race
     * @param file   the target file (its directory must exist)
     * @throws IOException if writing fails (the previous file is left intact)
     */
    public static void writeCurvesCsv(Result result, Path file) throws IOException {
        Check.notNull("result", result);
        StringBuilder sb = new StringBuilder("optimizer,budget,seed,lr,step,seconds,cpu_seconds,train_loss,val_loss\n");
        for (Run r : result.runs()) {
            Map<Integer, Double> val = new LinkedHashMap<>();
            for (int i = 0; i < r.evalSteps().length; i++) val.put(r.evalSteps()[i], r.evalValLoss()[i]);
            for (int s = 0; s <= r.completedSteps(); s++) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%d,", r.contender().label(), r.budget(), r.seed(), r.learningRate(), s))
                        .append(s == 0 ? "0" : num(r.stepSeconds()[s - 1])).append(',')
                        .append(s == 0 ? "0" : num(r.stepCpuSeconds()[s - 1])).append(',')
                        .append(s == 0 ? "" : num(r.stepLoss()[s - 1])).append(',')
                        .append(val.containsKey(s) ? num(val.get(s)) : "").append('\n');
            }
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Writes the configuration, the engine, the table and every run (with its curves) as JSON,
     * atomically. Non-finite numbers are written as {@code null}.
     *
     * @param result the race
     * @param file   the target file (its directory must exist)
     * @throws IOException if writing fails (the previous file is left intact)
     */
    public static void writeJson(Result result, Path file) throws IOException {
        Check.notNull("result", result);
        Config c = result.config();
        Json j = new Json();
        j.open('{');
        j.key("engine").str(result.engine());
        j.key("config").open('{');
        CharTransformer.Config m = c.model();
        j.key("model").open('{').key("vocabulary").num(m.vocabulary()).key("context").num(m.context()).key("dModel").num(m.dModel())
                .key("heads").num(m.heads()).key("layers").num(m.layers()).key("parameters").num(m.parameterCount()).close('}');
        j.key("batchSize").num(c.batchSize()).key("steps").num(c.steps()).key("warmupFraction").num(c.warmupFraction())
                .key("decayFraction").num(c.decayFraction()).key("seeds").raw(c.seeds().toString()).key("evalEvery").num(c.evalEvery())
                .key("evalBatches").num(c.evalBatches()).key("equalTime").raw(Boolean.toString(c.equalTime())).key("clock")
                .str(c.clock().name()).key("auxLearningRate").num(c.auxLearningRate());
        j.key("learningRates").open('{');
        for (Contender k : c.contenders()) j.key(k.label()).num(c.learningRate(k));
        j.close('}').close('}');
        j.key("table").open('[');
        for (Row r : result.table()) {
            j.open('{').key("optimizer").str(r.contender().label()).key("budget").str(r.budget().name()).key("runs").num(r.runs())
                    .key("diverged").num(r.diverged()).key("steps").num(r.steps()).key("trainLoss").num(r.trainLoss())
                    .key("trainStd").num(r.trainSpread()).key("valLoss").num(r.valLoss()).key("valStd").num(r.valSpread())
                    .key("msPerStep").num(r.millisPerStep()).key("cpuMsPerStep").num(r.cpuMillisPerStep())
                    .key("optimizerShare").num(r.optimizerShare()).key("orthoShare").num(r.orthoShare()).close('}');
        }
        j.close(']');
        j.key("runs").open('[');
        for (Run r : result.runs()) {
            j.open('{').key("optimizer").str(r.contender().label()).key("budget").str(r.budget().name()).key("seed").num(r.seed())
                    .key("lr").num(r.learningRate()).key("steps").num(r.steps()).key("completedSteps").num(r.completedSteps())
                    .key("diverged").raw(Boolean.toString(r.diverged())).key("initialValLoss").num(r.initialValLoss())
                    .key("finalTrainLoss").num(r.finalTrainLoss()).key("finalValLoss").num(r.finalValLoss())
                    .key("optimizerShare").num(r.optimizerShare()).key("orthoShare").num(r.orthoShare())
                    .key("evalSteps").raw(Arrays.toString(r.evalSteps())).key("valLoss").nums(r.evalValLoss())
                    .key("stepLoss").nums(r.stepLoss()).key("stepSeconds").nums(r.stepSeconds()).key("stepCpuSeconds")
                    .nums(r.stepCpuSeconds()).close('}');
        }
        j.close(']').close('}');
        AtomicFiles.writeString(file, j.text() + "\n");
    }

    /** A minimal JSON writer: commas between members, non-finite numbers as {@code null}. */
    private static final class Json {
        private final StringBuilder sb = new StringBuilder();
        private boolean first = true;

        Json open(char bracket) { sep(); sb.append(bracket); first = true; return this; }

        Json close(char bracket) { sb.append(bracket); first = false; return this; }

        Json key(String k) { sep(); sb.append(quote(k)).append(": "); first = true; return this; }

        Json str(String v) { return raw(quote(v)); }

        Json num(double v) { return raw(Double.isFinite(v) ? (v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v)) : "null"); }

        Json nums(double[] v) {
            sep();
            sb.append('[');
            for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(Double.isFinite(v[i]) ? Double.toString(v[i]) : "null");
            sb.append(']');
            first = false;
            return this;
        }

        Json raw(String v) { sep(); sb.append(v); first = false; return this; }

        private void sep() {
            if (!first) sb.append(", ");
            first = true;
        }

        String text() { return sb.toString(); }

        private static String quote(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }
    }

    private static String num(double v) { return Double.isFinite(v) ? Double.toString(v) : ""; }

    /**
     * Command line: {@code LmRace [quick|full|sweep] [--out DIR] [--steps N] [--seeds 1,2,3]
     * [--clock wall|cpu]}. {@code quick}/{@code full} run the race, print the table and write
     * {@code DIR/lm-race.csv} and {@code DIR/lm-race.json} (default {@code DIR} = {@code .});
     * {@code --clock cpu} measures the equal-time budget on the training thread's CPU clock (for a
     * machine shared with other work). {@code sweep} runs each contender at its default rate times
     * {0.25, 0.5, 1, 2, 4} on the full model (default 200 steps, first seed) and prints the final
     * losses. Progress goes to stderr.
     *
     * @param args the arguments
     * @throws IOException if the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out, err = System.err;
        String mode = "quick";
        Path dir = Path.of(".");
        Integer steps = null;
        List<Long> seeds = null;
        Clock clock = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "quick", "full", "sweep" -> mode = args[i];
                case "--out" -> dir = Path.of(value(args, ++i));
                case "--steps" -> steps = Integer.parseInt(value(args, ++i));
                case "--seeds" -> seeds = Arrays.stream(value(args, ++i).split(",")).map(String::trim).map(Long::parseLong).toList();
                case "--clock" -> clock = Clock.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("argument " + args[i]
                        + ", expected quick|full|sweep, --out DIR, --steps N, --seeds LIST or --clock wall|cpu");
            }
        }
        Config.Builder b = (mode.equals("quick") ? Config.quick() : Config.full()).toBuilder();
        if (mode.equals("sweep")) b.steps(200).seeds(List.of(1L));
        if (steps != null) b.steps(steps);
        if (seeds != null) b.seeds(seeds);
        if (clock != null) b.equalTime(true, clock);
        Config config = b.build();
        if (mode.equals("sweep")) {
            for (Contender c : config.contenders()) {
                double base = c.defaultLearningRate();
                for (Run r : sweep(config, c, new double[] {base / 4, base / 2, base, base * 2, base * 4}, err::println))
                    out.printf(Locale.ROOT, "%-10s lr %-9.3g val %.4f train %.4f%s%n", c.label(), r.learningRate(), r.finalValLoss(),
                            r.finalTrainLoss(), r.diverged() ? " diverged" : "");
            }
            return;
        }
        Result result = run(config, err::println);
        out.println(result.engine());
        out.print(result.formatTable());
        Files.createDirectories(dir);
        writeCurvesCsv(result, dir.resolve("lm-race.csv"));
        writeJson(result, dir.resolve("lm-race.json"));
        out.println("wrote " + dir.resolve("lm-race.csv") + " and " + dir.resolve("lm-race.json"));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
        return args[i];
    }
}
