package org.ortho4j.optim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.Matrix;

/**
 * The shared reference experiment of spec {@code optimizers.md} §10, in plain Java and float64 (as
 * the numpy reference): an MLP {@code 32→64→64→64→10} (ReLU, cross-entropy) trained for 500 steps
 * of batch 128 on a teacher–student classification task with ill-conditioned, DCT-rotated inputs
 * ({@link TeacherTask}), once per optimizer, learning rate and init seed. Data, init and batch
 * order follow the spec's PRNG definition, so the numbers can be compared run by run with
 * {@code reference_experiment.json} (bundled; shown as the "numpy" column).
 *
 * <p>Protocol: the matrix optimizer steps W1..W3; AdamW (betas (0.9, 0.95), eps 1e-8, wd 0,
 * lr 3e-3) steps W4 and the biases; for the AdamW baseline every parameter uses AdamW with the
 * swept lr. Weight decay 0 everywhere. Schedule: factor 1 for the first 70% of the steps, then
 * linear to 0 ({@link LrSchedule#wsd}). Batch k = training rows {@code [(128k) mod N, +128)}.
 * Two {@link Regime}s: online (64000 rows, each seen once; primary) and memorization (4096 rows,
 * ≈16 epochs). Metrics: loss on the whole training set after training (primary), test loss and
 * accuracy. A run whose loss or gradient becomes non-finite is stopped and reported as diverged.
 *
 * <p>{@link Config#quick()} (the tour; a few seconds), {@link Config#standard()} (the default of
 * {@link #main}: both regimes, all methods, the numpy best lr and its grid neighbours, 3 seeds;
 * a few minutes on 2 cores) and {@link Config#full()} (the spec's full grids).
 */
public final class ReferenceExperiment {
    private ReferenceExperiment() {}

    static final int BATCH = 128, TEST_ROWS = 2048;
    static final double AUX_LR = 3e-3;

    /** Which training set. */
    public enum Regime {
        /** 64000 training rows, each seen once ("pretraining-like"; the primary variant). */
        ONLINE(64000, "variant_online_N64000_T500"),
        /** 4096 training rows, about 16 epochs. */
        MEMORIZATION(4096, "variant_N4096_T500");

        /** Training rows. */
        public final int trainRows;
        final String key;

        Regime(int trainRows, String key) {
            this.trainRows = trainRows;
            this.key = key;
        }
    }

    /** The optimizers compared (matrix rule for W1..W3; the spec's settings, wd 0). */
    public enum Method {
        /** AdamW on every parameter. */
        ADAMW("adamw", new double[] {1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2}, new double[] {2e-3, 5e-3, 1e-2, 2e-2, 5e-2}),
        /** Muon, KellerJordan variant. */
        MUON("muon", new double[] {0.005, 0.01, 0.02, 0.05, 0.1, 0.2}, new double[] {0.01, 0.02, 0.05, 0.1, 0.2}),
        /** NorMuon, official code form (β2 0.95). */
        NORMUON("normuon", new double[] {0.005, 0.01, 0.02, 0.05, 0.1, 0.2}, new double[] {0.01, 0.02, 0.05, 0.1, 0.2}),
        /** ROOT with its defaults except wd 0 (these shapes use the MUON tuple). */
        ROOT("root", new double[] {0.002, 0.005, 0.01, 0.02, 0.05, 0.1}, new double[] {0.005, 0.01, 0.02, 0.05, 0.1}),
        /** AuON, paper form. */
        AUON_PAPER("auon", new double[] {0.05, 0.1, 0.2, 0.5, 1, 2}, new double[] {0.05, 0.1, 0.2, 0.5, 1}),
        /** Hybrid-AuON, package form (γ 1.5, 5 NS steps). */
        HYBRID_AUON("hybrid_auon", new double[] {0.005, 0.01, 0.02, 0.05, 0.1, 0.2}, new double[] {0.01, 0.02, 0.05, 0.1, 0.2}),
        /** AuON, package form (γ 1.5). */
        AUON_PACKAGE("auon_pkg", new double[] {0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10}, new double[] {0.2, 0.5, 1, 2, 5});

        /** The key of the reference file, e.g. {@code "muon"}. */
        public final String key;
        private final double[] memorizationGrid, onlineGrid;

        Method(String key, double[] memorizationGrid, double[] onlineGrid) {
            this.key = key;
            this.memorizationGrid = memorizationGrid;
            this.onlineGrid = onlineGrid;
        }

        /** The spec's learning-rate grid for a regime (a copy). */
        public double[] grid(Regime r) { return (r == Regime.ONLINE ? onlineGrid : memorizationGrid).clone(); }

        /** True for the methods that orthogonalize (Muon, NorMuon, ROOT, Hybrid-AuON). */
        public boolean orthogonalizes() { return this == MUON || this == NORMUON || this == ROOT || this == HYBRID_AUON; }

        /** The update rule at learning rate {@code lr} (for {@link #ADAMW}: the AdamW of every parameter). */
        public UpdateRule rule(double lr) {
            return switch (this) {
                case ADAMW -> AdamW.builder().lr(lr).betas(0.9, 0.95).eps(1e-8).weightDecay(0).build();
                case MUON -> Muon.builder().lr(lr).build();
                case NORMUON -> NorMuon.builder().lr(lr).build();
                case ROOT -> Root.builder().lr(lr).weightDecay(0).build();
                case AUON_PAPER -> AuOn.builder().lr(lr).build();
                case HYBRID_AUON -> AuOn.hybrid().lr(lr).build();
                case AUON_PACKAGE -> AuOn.packageForm().lr(lr).build();
            };
        }
    }

    /** Which learning rates of the grid to run. */
    public enum Sweep {
        /** Only the lr that was best in the numpy reference. */
        BEST,
        /** The numpy best lr and its neighbours in the grid (2–3 values). */
        SHORT,
        /** The whole grid. */
        FULL
    }

    /**
     * What to run.
     *
     * @param regimes  the regimes
     * @param methods  the optimizers
     * @param sweep    which learning rates
     * @param seeds    init seeds (the spec uses 1, 2, 3)
     * @param steps    training steps (the spec: 500; fewer only for smoke tests — the schedule and the
     *                 reference numbers assume 500)
     * @param threads  runs executed in parallel (each run is single-threaded)
     */
    public record Config(List<Regime> regimes, List<Method> methods, Sweep sweep, List<Long> seeds, int steps, int threads) {
        /** Validates and copies. */
        public Config {
            regimes = List.copyOf(regimes);
            methods = List.copyOf(methods);
            Check.notNull("sweep", sweep);
            seeds = List.copyOf(seeds);
            if (regimes.isEmpty() || methods.isEmpty() || seeds.isEmpty())
                throw new IllegalArgumentException("regimes, methods and seeds must not be empty");
            Check.positive("steps", steps);
            Check.positive("threads", threads);
        }

        /** The tour's configuration: online, AdamW / Muon / AuON-paper at the numpy best lr, seed 1, 500 steps. */
        public static Config quick() {
            return new Config(List.of(Regime.ONLINE), List.of(Method.ADAMW, Method.MUON, Method.AUON_PAPER), Sweep.BEST, List.of(1L),
                    500, defaultThreads());
        }

        /** Both regimes, every method, {@link Sweep#SHORT}, seeds 1–3, 500 steps. */
        public static Config standard() {
            return new Config(List.of(Regime.ONLINE, Regime.MEMORIZATION), List.of(Method.values()), Sweep.SHORT, List.of(1L, 2L, 3L), 500,
                    defaultThreads());
        }

        /** As {@link #standard()} with the spec's full grids. */
        public static Config full() {
            return new Config(List.of(Regime.ONLINE, Regime.MEMORIZATION), List.of(Method.values()), Sweep.FULL, List.of(1L, 2L, 3L), 500,
                    defaultThreads());
        }

        private static int defaultThreads() { return Math.max(1, Runtime.getRuntime().availableProcessors()); }

        /** The learning rates of {@code m} in {@code r} for this sweep. */
        public double[] lrs(Regime r, Method m) {
            double[] grid = m.grid(r);
            if (sweep == Sweep.FULL) return grid;
            double best = referenceBestLr(r, m);
            int i = 0;
            while (i < grid.length && grid[i] != best) i++;
            if (i == grid.length) return new double[] {best};
            if (sweep == Sweep.BEST) return new double[] {best};
            return Arrays.copyOfRange(grid, Math.max(0, i - 1), Math.min(grid.length, i + 2));
        }
    }

    /**
     * One training run.
     *
     * @param regime             the regime
     * @param method             the optimizer
     * @param lr                 its learning rate
     * @param seed               init seed
     * @param diverged           true when the loss or a gradient became non-finite (then the losses are NaN)
     * @param stepsDone          steps completed
     * @param trainLoss          mean loss on the whole training set after training
     * @param testLoss           mean loss on the test set
     * @param testAccuracy       test accuracy
     * @param batchLoss          the loss of every training batch before its step (NaN after a divergence)
     * @param trainMsPerStep     wall milliseconds per training step (forward, backward, optimizer)
     * @param optimizerMsPerStep the optimizer's part
     * @param orthogonalizeShare share of the optimizer time spent orthogonalizing
     */
    public record Run(Regime regime, Method method, double lr, long seed, boolean diverged, int stepsDone, double trainLoss,
                      double testLoss, double testAccuracy, double[] batchLoss, double trainMsPerStep, double optimizerMsPerStep,
                      double orthogonalizeShare) {}

    /**
     * The runs of one (regime, method, lr) over the seeds.
     *
     * @param regime             the regime
     * @param method             the optimizer
     * @param lr                 the learning rate
     * @param runs               number of seeds
     * @param diverged           how many diverged
     * @param meanTrainLoss      mean final train loss over the runs that did not diverge (NaN if all did)
     * @param minTrainLoss       smallest
     * @param maxTrainLoss       largest
     * @param meanTestLoss       mean test loss
     * @param meanTestAccuracy   mean test accuracy
     * @param optimizerMsPerStep mean optimizer milliseconds per step
     * @param trainMsPerStep     mean training-step milliseconds
     * @param orthogonalizeShare mean share of optimizer time spent orthogonalizing
     * @param referenceTrainLoss the numpy mean over the same seeds (NaN if absent or diverged there)
     */
    public record Row(Regime regime, Method method, double lr, int runs, int diverged, double meanTrainLoss, double minTrainLoss,
                      double maxTrainLoss, double meanTestLoss, double meanTestAccuracy, double optimizerMsPerStep, double trainMsPerStep,
                      double orthogonalizeShare, double referenceTrainLoss) {}

    /**
     * All runs of a configuration.
     *
     * @param config the configuration
     * @param runs   every run, in configuration order
     */
    public record Results(Config config, List<Run> runs) {

        /** One row per (regime, method, lr), in configuration order. */
        public List<Row> rows() {
            List<Row> out = new ArrayList<>();
            for (Regime r : config.regimes())
                for (Method m : config.methods())
                    for (double lr : config.lrs(r, m)) {
                        List<Run> group = runs.stream().filter(x -> x.regime() == r && x.method() == m && x.lr() == lr).toList();
                        if (!group.isEmpty()) out.add(aggregate(r, m, lr, group));
                    }
            return out;
        }

        /** Per regime and method, the row with the lowest mean train loss among lrs where no seed diverged. */
        public List<Row> best() {
            List<Row> out = new ArrayList<>();
            Map<Regime, Map<Method, Row>> best = new EnumMap<>(Regime.class);
            for (Row row : rows()) {
                if (row.diverged() > 0 || Double.isNaN(row.meanTrainLoss())) continue;
                Map<Method, Row> byMethod = best.computeIfAbsent(row.regime(), k -> new EnumMap<>(Method.class));
                Row cur = byMethod.get(row.method());
                if (cur == null || row.meanTrainLoss() < cur.meanTrainLoss()) byMethod.put(row.method(), row);
            }
            for (Map<Method, Row> byMethod : best.values()) out.addAll(byMethod.values());
            return out;
        }

        private Row aggregate(Regime r, Method m, double lr, List<Run> group) {
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, test = 0, acc = 0, opt = 0, train = 0, share = 0;
            int ok = 0, div = 0;
            for (Run x : group) {
                opt += x.optimizerMsPerStep();
                train += x.trainMsPerStep();
                share += x.orthogonalizeShare();
                if (x.diverged()) {
                    div++;
                    continue;
                }
                ok++;
                sum += x.trainLoss();
                min = Math.min(min, x.trainLoss());
                max = Math.max(max, x.trainLoss());
                test += x.testLoss();
                acc += x.testAccuracy();
            }
            double[] ref = new double[group.size()];
            for (int i = 0; i < ref.length; i++) ref[i] = referenceTrainLoss(r, m, lr, group.get(i).seed());
            double refMean = Arrays.stream(ref).average().orElse(Double.NaN);
            int n = group.size();
            return new Row(r, m, lr, n, div, ok == 0 ? Double.NaN : sum / ok, ok == 0 ? Double.NaN : min, ok == 0 ? Double.NaN : max,
                    ok == 0 ? Double.NaN : test / ok, ok == 0 ? Double.NaN : acc / ok, opt / n, train / n, share / n, refMean);
        }

        /** A plain-text table: every row, then the best lr per method, then the orderings. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            String head = String.format(Locale.ROOT, "%-12s %-13s %7s %5s %26s %9s %8s %9s %9s %7s%n", "regime", "method", "lr", "div",
                    "train loss mean [min,max]", "numpy", "test acc", "opt ms", "step ms", "ortho%");
            sb.append("All runs (").append(config.seeds().size()).append(" seeds, ").append(config.steps()).append(" steps)\n").append(head);
            for (Row row : rows()) sb.append(format(row));
            sb.append("\nBest learning rate per method (lowest mean final train loss, no divergence)\n").append(head);
            for (Row row : best()) sb.append(format(row));
            sb.append('\n').append(orderings());
            int[] count = {0};
            double dev = maxReferenceDeviation(count);
            sb.append(String.format(Locale.ROOT, "Largest per-seed |Java - numpy| final train loss over %d runs with a reference value: %.2e%n",
                    count[0], dev));
            return sb.toString();
        }

        /**
         * The largest |final train loss − numpy reference| over the runs, seed by seed, among runs
         * where both finished (NaN if none); {@code count[0]} receives the number compared.
         */
        public double maxReferenceDeviation(int[] count) {
            double max = Double.NaN;
            int n = 0;
            for (Run x : runs) {
                double ref = referenceTrainLoss(x.regime(), x.method(), x.lr(), x.seed());
                if (x.diverged() || Double.isNaN(ref) || config.steps() != 500) continue;
                double d = Math.abs(x.trainLoss() - ref);
                max = Double.isNaN(max) ? d : Math.max(max, d);
                n++;
            }
            if (count != null && count.length > 0) count[0] = n;
            return max;
        }

        private static String format(Row row) {
            return String.format(Locale.ROOT, "%-12s %-13s %7s %5s %8.4f [%.4f, %.4f] %9.4f %8.4f %9.3f %9.3f %6.1f%%%n", row.regime(),
                    row.method(), row.lr(), row.diverged() + "/" + row.runs(), row.meanTrainLoss(), row.minTrainLoss(), row.maxTrainLoss(),
                    row.referenceTrainLoss(), row.meanTestAccuracy(), row.optimizerMsPerStep(), row.trainMsPerStep(),
                    100 * row.orthogonalizeShare());
        }

        /**
         * The orderings the spec expects (§10), measured here and in the numpy reference at the
         * same best learning rates: each orthogonalizing method against AdamW (online: at least
         * 0.04 nats lower; memorization: at least 5× lower) and AuON-paper against AdamW.
         */
        public String orderings() {
            StringBuilder sb = new StringBuilder("Orderings (best lr per method; numpy reference at the same lr in brackets)\n");
            for (Regime r : config.regimes()) {
                Map<Method, Row> best = new EnumMap<>(Method.class);
                for (Row row : best()) if (row.regime() == r) best.put(row.method(), row);
                Row adam = best.get(Method.ADAMW);
                if (adam == null) continue;
                for (Row row : best.values()) {
                    if (row.method() == Method.ADAMW) continue;
                    String verdict;
                    if (row.method().orthogonalizes()) {
                        boolean ok = r == Regime.ONLINE ? row.meanTrainLoss() <= adam.meanTrainLoss() - 0.04
                                : row.meanTrainLoss() <= adam.meanTrainLoss() / 5;
                        verdict = (ok ? "below AdamW as expected" : "NOT clearly below AdamW") + (r == Regime.ONLINE ? " (>= 0.04 nats)" : " (>= 5x)");
                    } else {
                        verdict = Math.abs(row.meanTrainLoss() - adam.meanTrainLoss()) <= 0.03 ? "close to AdamW (|diff| <= 0.03)"
                                : "NOT close to AdamW (|diff| > 0.03)";
                    }
                    sb.append(String.format(Locale.ROOT, "  %-12s %-13s %.4f vs AdamW %.4f: diff %+.4f [numpy %+.4f]  %s%n", r, row.method(),
                            row.meanTrainLoss(), adam.meanTrainLoss(), row.meanTrainLoss() - adam.meanTrainLoss(),
                            row.referenceTrainLoss() - adam.referenceTrainLoss(), verdict));
                }
            }
            return sb.toString();
        }
    }

    /** The numpy reference's best lr for a method in a regime. */
    public static double referenceBestLr(Regime r, Method m) {
        return BundledReference.experiment().get("best_lr").get(r.key).get(m.key).asDouble();
    }

    /** The numpy reference's final train loss for one run, NaN when absent or diverged (null in the file). */
    public static double referenceTrainLoss(Regime r, Method m, double lr, long seed) {
        JsonNode v = BundledReference.experiment().get(r.key).get(m.key + "@" + lr);
        if (v == null || seed < 1 || seed > v.get("train_loss").size()) return Double.NaN;
        JsonNode x = v.get("train_loss").get((int) seed - 1);
        return x.isNumber() ? x.asDouble() : Double.NaN;
    }

    /**
     * Runs a configuration; runs execute on {@code config.threads()} threads, results in
     * configuration order (deterministic whatever the thread count).
     *
     * @param config what to run
     * @param log    progress messages (one per finished run; called from the worker threads, one call at a time)
     * @return the results
     */
    public static Results run(Config config, Consumer<String> log) {
        Check.notNull("config", config);
        Check.notNull("log", log);
        Map<Regime, TeacherTask> data = new EnumMap<>(Regime.class);
        for (Regime r : config.regimes()) data.put(r, TeacherTask.generate(r.trainRows, TEST_ROWS));
        List<java.util.concurrent.Callable<Run>> tasks = new ArrayList<>();
        for (Regime r : config.regimes())
            for (Method m : config.methods())
                for (double lr : config.lrs(r, m))
                    for (long seed : config.seeds())
                        tasks.add(() -> {
                            Run run = runOne(data.get(r), r, m, lr, seed, config.steps());
                            String msg = String.format(Locale.ROOT, "%s %s lr %s seed %d: train loss %.4f%s", r, m, lr, seed, run.trainLoss(),
                                    run.diverged() ? " (diverged)" : "");
                            synchronized (log) { // workers report one at a time; the consumer need not be thread-safe
                                log.accept(msg);
                            }
                            return run;
                        });
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "ortho4j-reference-experiment");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Run>> futures = pool.invokeAll(tasks);
            List<Run> runs = new ArrayList<>();
            for (Future<Run> f : futures) runs.add(f.get());
            return new Results(config, runs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run on prepared data; see the class documentation for the protocol. */
    static Run runOne(TeacherTask data, Regime regime, Method method, double lr, long seed, int steps) {
        Mlp mlp = new Mlp(seed, BATCH);
        Optimizer opt = optimizer(method, lr, steps);
        int n = data.xTrain.rows;
        double[] curve = new double[steps];
        Arrays.fill(curve, Double.NaN);
        boolean diverged = false;
        int done = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            int r0 = (BATCH * k) % n;
            Matrix xb = data.xTrain.rowsView(r0, BATCH);
            double loss = mlp.forward(xb, data.yTrain, r0, null) / BATCH;
            if (!Double.isFinite(loss)) {
                diverged = true;
                break;
            }
            curve[k] = loss;
            mlp.backward(xb, data.yTrain, r0);
            if (!mlp.gradientsFinite()) {
                diverged = true;
                break;
            }
            opt.stepDouble(mlp.params, mlp.grads);
            done++;
        }
        long trainNanos = System.nanoTime() - t0;
        double trainLoss = Double.NaN, testLoss = Double.NaN, acc = Double.NaN;
        if (!diverged) {
            double[] tr = mlp.evaluate(data.xTrain, data.yTrain), te = mlp.evaluate(data.xTest, data.yTest);
            if (Double.isFinite(tr[0]) && Double.isFinite(te[0])) {
                trainLoss = tr[0];
                testLoss = te[0];
                acc = te[1];
            } else {
                diverged = true;
            }
        }
        OptimizerStats st = opt.stats();
        return new Run(regime, method, lr, seed, diverged, done, trainLoss, testLoss, acc, curve,
                done == 0 ? Double.NaN : trainNanos / 1e6 / done, st.millisPerStep(), st.orthogonalizeShare());
    }

    /** The optimizer of a run: AdamW everywhere, or the matrix rule on W1..W3 plus the auxiliary AdamW. */
    static Optimizer optimizer(Method method, double lr, int steps) {
        LrSchedule schedule = LrSchedule.wsd(0, steps, 0.3, 0);
        UpdateRule rule = method.rule(lr);
        if (method == Method.ADAMW) return HybridOptimizer.builder().matrix(rule).aux(rule).schedule(schedule).build();
        UpdateRule aux = AdamW.builder().lr(AUX_LR).betas(0.9, 0.95).eps(1e-8).weightDecay(0).build();
        return HybridOptimizer.builder().matrix(rule).aux(aux).router(Mlp::role).schedule(schedule).build();
    }

    /**
     * Command-line entry: {@code quick}, {@code standard} (default) or {@code full}, optionally
     * followed by the number of threads. Prints progress to stderr and the table to stdout.
     *
     * @param args the mode and thread count
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "standard";
        Config c = switch (mode) {
            case "quick" -> Config.quick();
            case "standard" -> Config.standard();
            case "full" -> Config.full();
            default -> throw new IllegalArgumentException("mode = " + mode + ", expected quick, standard or full");
        };
        if (args.length > 1)
            c = new Config(c.regimes(), c.methods(), c.sweep(), c.seeds(), c.steps(), Integer.parseInt(args[1]));
        long t0 = System.nanoTime();
        Results r = run(c, System.err::println);
        System.out.print(r.table());
        System.out.printf(Locale.ROOT, "%nTotal wall time %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
