package org.ortho4j.optim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;

/**
 * The optimizer of a model: a matrix rule (Muon family, Dion, low-rank AdamW) for the hidden
 * weight matrices and an auxiliary rule (AdamW by default) for everything else, with the routing
 * rule of spec {@code optimizers.md} §1.8, a learning-rate schedule, per-parameter state, timing,
 * tracing and state files.
 *
 * <pre>{@code
 * Optimizer opt = HybridOptimizer.builder()
 *         .matrix(Muon.builder().lr(0.02).build())
 *         .aux(AdamW.builder().lr(3e-3).betas(0.9, 0.95).weightDecay(0).build())
 *         .role("out.weight", ParamRole.HEAD)                       // optional overrides
 *         .schedule(LrSchedule.warmupCosine(100, 10_000, 0.1))
 *         .build();
 * for (...) { ...; opt.step(params, grads); }
 * }</pre>
 *
 * <p><b>Routing.</b> Each parameter gets a {@link ParamRole}: an explicit {@link Builder#role}
 * override, else the {@link Builder#router} (default {@link ParamRole#defaultRole(Parameter)}:
 * ndim ≥ 2 and not an embedding/head name → {@link ParamRole#HIDDEN_MATRIX}). Hidden matrices go to
 * the matrix rule, the rest to the auxiliary rule. A role or rule that cannot take a parameter
 * (a matrix-only rule given a vector) is refused with {@link IllegalArgumentException} on the
 * parameter's first step. {@link #of(UpdateRule)} sends everything to one rule.
 *
 * <p><b>Step.</b> At step {@code k} (0-based, {@link #stepCount()}), every rule runs with
 * {@code lr·schedule.factor(k)}; each parameter keeps its own step counter {@code t} (bias
 * correction, projection gaps), incremented when it is stepped. Phase one validates every
 * gradient (count, precision, shape, finiteness) and resolves the states; phase two updates the
 * parameters in list order. Scratch memory is shared by all parameters.
 */
public final class HybridOptimizer implements Optimizer {
    private final UpdateRule matrixRule, auxRule;
    private final Map<String, ParamRole> roles;
    private final Function<Parameter, ParamRole> router;
    private final LrSchedule schedule;
    private final Workspace ws = new Workspace();
    private Map<String, RuleState> states = new LinkedHashMap<>();
    private RuleState[] resolved = new RuleState[0];
    private long steps, stepNanos;

    private HybridOptimizer(Builder b) {
        matrixRule = b.matrix;
        auxRule = b.aux;
        roles = Map.copyOf(b.roles);
        router = b.router;
        schedule = b.schedule;
        ws.trace = b.trace;
    }

    /** A builder: matrix rule {@link Muon} (KellerJordan defaults), aux {@link AdamW#auxDefaults()}, constant schedule. */
    public static Builder builder() { return new Builder(); }

    /** An optimizer that sends every parameter to {@code rule} (constant schedule). */
    public static HybridOptimizer of(UpdateRule rule) { return builder().matrix(rule).aux(rule).build(); }

    /** The role of {@code p}: its override, else the router's answer. */
    public ParamRole role(Parameter p) {
        ParamRole r = roles.get(p.name());
        if (r == null) r = Check.notNull("router result for '" + p.name() + "'", router.apply(p));
        return r;
    }

    /** The rule that steps {@code p}. */
    public UpdateRule ruleFor(Parameter p) { return role(p).isMatrix() ? matrixRule : auxRule; }

    /** The schedule. */
    public LrSchedule schedule() { return schedule; }

    @Override
    public void step(List<Parameter> params, List<FloatMatrix> grads) { run(params, grads, true); }

    @Override
    public void stepDouble(List<Parameter> params, List<Matrix> grads) { run(params, grads, false); }

    @Override
    public long stepCount() { return steps; }

    @Override
    public OptimizerStats stats() { return new OptimizerStats(steps, stepNanos, ws.orthoNanos); }

    @Override
    public Map<String, Matrix> state(String parameterName) {
        RuleState s = states.get(parameterName);
        Map<String, Matrix> out = new LinkedHashMap<>();
        if (s == null) return out;
        for (RuleState.Item it : s.items) {
            if (it.dense() != null) out.put(it.key(), it.dense().toMatrix());
            else out.put(it.key(), Matrix.row(Arrays.stream(it.ints()).asDoubleStream().toArray()));
        }
        out.put("t", Matrix.row(s.t));
        return out;
    }

    private void run(List<Parameter> params, List<?> grads, boolean floatPath) {
        long t0 = System.nanoTime();
        Check.notNull("params", params);
        Check.notNull("grads", grads);
        if (params.size() != grads.size())
            throw new IllegalArgumentException("grads.size() = " + grads.size() + ", expected params.size() = " + params.size());
        int np = params.size();
        if (resolved.length < np) resolved = new RuleState[np];
        // Phase 1: resolve states and validate everything before anything changes.
        for (int i = 0; i < np; i++) {
            Parameter p = params.get(i);
            if (p == null) throw new IllegalArgumentException("params[" + i + "] is null, expected a parameter");
            if (p.isFloat() != floatPath)
                throw new IllegalArgumentException("params[" + i + "] = " + p + " is " + (p.isFloat() ? "float32" : "float64")
                        + ", expected " + (floatPath ? "float32 (use stepDouble for float64)" : "float64 (use step for float32)"));
            RuleState s = stateFor(p);
            for (int j = 0; j < i; j++)
                if (resolved[j] == s) throw new IllegalArgumentException("params[" + i + "]: the name '" + p.name() + "' appears twice");
            Object g = grads.get(i);
            s.checkGradient(i, floatPath ? (FloatMatrix) g : null, floatPath ? null : (Matrix) g);
            resolved[i] = s;
        }
        // Phase 2: update.
        double factor = schedule.factor(steps);
        for (int i = 0; i < np; i++) {
            RuleState s = resolved[i];
            Parameter p = params.get(i);
            Object g = grads.get(i);
            Dense gd = s.scratch(ws, Workspace.GRAD, s.rows, s.cols);
            s.loadGradient(floatPath ? (FloatMatrix) g : null, floatPath ? null : (Matrix) g, gd);
            s.t++;
            s.update(ws, p, gd, s.rule.lr() * factor);
            resolved[i] = null;
        }
        steps++;
        stepNanos += System.nanoTime() - t0;
    }

    /** The state of p, created (after the routing checks) on first use. */
    private RuleState stateFor(Parameter p) {
        RuleState s = states.get(p.name());
        if (s == null) {
            s = newState(p);
            states.put(p.name(), s);
        } else {
            s.checkSameParameter(p);
        }
        return s;
    }

    private RuleState newState(Parameter p) {
        ParamRole role = role(p);
        UpdateRule rule = role.isMatrix() ? matrixRule : auxRule;
        if (rule.matrixOnly() && !p.isMatrix())
            throw new IllegalArgumentException("parameter '" + p.name() + "' has shape " + Arrays.toString(p.shape()) + " (ndim "
                    + p.ndim() + ", role " + role + "), but " + rule.id() + " only takes matrices (ndim >= 2); give it a non-matrix role"
                    + " so that the auxiliary rule steps it");
        return rule.newState(p);
    }

    @Override
    public void save(Path file) throws IOException {
        Check.notNull("file", file);
        StateFile.write(file, steps, states.values());
    }

    @Override
    public void load(Path file, List<Parameter> params) throws IOException {
        Check.notNull("file", file);
        Check.notNull("params", params);
        StateFile.Contents c = StateFile.read(file);
        Map<String, StateFile.Entry> byName = new HashMap<>();
        for (StateFile.Entry e : c.entries())
            if (byName.put(e.name(), e) != null) throw mismatch(file, "parameter '" + e.name() + "' appears twice");
        Map<String, RuleState> fresh = new LinkedHashMap<>();
        for (Parameter p : params) {
            Check.notNull("params element", p);
            if (fresh.containsKey(p.name())) throw new IllegalArgumentException("params: the name '" + p.name() + "' appears twice");
            StateFile.Entry e = byName.get(p.name());
            if (e == null) throw mismatch(file, "has no state for parameter '" + p.name() + "'");
            RuleState s = newState(p);
            restore(file, s, e);
            fresh.put(p.name(), s);
        }
        if (byName.size() != fresh.size()) {
            for (String n : byName.keySet())
                if (!fresh.containsKey(n)) throw mismatch(file, "holds a state for parameter '" + n + "' that is not in params");
        }
        states = fresh;
        resolved = new RuleState[0];
        steps = c.step();
    }

    private static OptimizerStateException mismatch(Path file, String msg) {
        return new OptimizerStateException("optimizer state file " + file + " " + msg);
    }

    private static void restore(Path file, RuleState s, StateFile.Entry e) throws OptimizerStateException {
        String who = "parameter '" + s.name + "'";
        if (!e.rule().equals(s.rule.id())) throw mismatch(file, "was saved by rule " + e.rule() + " for " + who + ", which now uses " + s.rule.id());
        if (e.isFloat() != s.isFloat)
            throw mismatch(file, "holds " + (e.isFloat() ? "float32" : "float64") + " state for " + who + ", which is "
                    + (s.isFloat ? "float32" : "float64") + " now");
        if (e.layout() != s.layout) throw mismatch(file, "has layout " + e.layout() + " for " + who + ", which is " + s.layout + " now");
        if (!Arrays.equals(e.shape(), s.shape))
            throw mismatch(file, "has shape " + Arrays.toString(e.shape()) + " for " + who + ", which is " + Arrays.toString(s.shape) + " now");
        if (e.t() < 0) throw mismatch(file, "has a negative step count for " + who);
        if (e.buffers().size() != s.items.size())
            throw mismatch(file, "has " + e.buffers().size() + " buffers for " + who + ", expected " + s.items.size());
        for (int k = 0; k < s.items.size(); k++) {
            RuleState.Item it = s.items.get(k);
            StateFile.Buffer b = e.buffers().get(k);
            boolean ints = it.ints() != null;
            int rows = ints ? 1 : it.dense().rows, cols = ints ? it.ints().length : it.dense().cols;
            byte kind = ints ? StateFile.I32 : s.isFloat ? StateFile.F32 : StateFile.F64;
            if (!b.key().equals(it.key()) || b.kind() != kind || b.rows() != rows || b.cols() != cols)
                throw mismatch(file, "buffer " + k + " of " + who + " is '" + b.key() + "' " + b.rows() + "x" + b.cols() + " kind " + b.kind()
                        + ", expected '" + it.key() + "' " + rows + "x" + cols + " kind " + kind);
        }
        for (int k = 0; k < s.items.size(); k++) {
            RuleState.Item it = s.items.get(k);
            Object data = e.buffers().get(k).data();
            if (it.ints() != null) System.arraycopy((int[]) data, 0, it.ints(), 0, it.ints().length);
            else if (it.dense().f != null) System.arraycopy((float[]) data, 0, it.dense().f, 0, it.dense().size);
            else System.arraycopy((double[]) data, 0, it.dense().d, 0, it.dense().size);
        }
        s.t = e.t();
    }

    /** Builder of a {@link HybridOptimizer}. */
    public static final class Builder {
        private UpdateRule matrix = Muon.builder().build();
        private UpdateRule aux = AdamW.auxDefaults();
        private final Map<String, ParamRole> roles = new HashMap<>();
        private Function<Parameter, ParamRole> router = ParamRole::defaultRole;
        private LrSchedule schedule = LrSchedule.constant();
        private StepTrace trace;

        private Builder() {}

        /** The rule for {@link ParamRole#HIDDEN_MATRIX} parameters. */
        public Builder matrix(UpdateRule rule) { matrix = Check.notNull("matrix", rule); return this; }

        /** The rule for every other parameter; it must accept vectors unless none are given. */
        public Builder aux(UpdateRule rule) { aux = Check.notNull("aux", rule); return this; }

        /** Overrides the role of the parameter named {@code name}. */
        public Builder role(String name, ParamRole role) {
            roles.put(Check.notNull("name", name), Check.notNull("role", role));
            return this;
        }

        /** The routing function for parameters without an override (default {@link ParamRole#defaultRole(Parameter)}). */
        public Builder router(Function<Parameter, ParamRole> r) { router = Check.notNull("router", r); return this; }

        /** The learning-rate schedule (default constant). */
        public Builder schedule(LrSchedule s) { schedule = Check.notNull("schedule", s); return this; }

        /** Receives every step's intermediates (default none; costs copies). */
        public Builder trace(StepTrace t) { trace = t; return this; }

        /** The optimizer; if the aux rule is matrix-only, vectors are refused on their first step. */
        public HybridOptimizer build() { return new HybridOptimizer(this); }
    }
}
