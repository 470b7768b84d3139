package org.ortho4j.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;

/**
 * Tour step {@code djl-lm}: the quick language-model race ({@link LmRace.Config#quick()}, seed =
 * the tour's seed) on DJL's PyTorch engine, offline — AdamW, Muon, NorMuon, ROOT, AuON and
 * DCT-AdamW each train the same small character-level transformer for 40 steps.
 *
 * <p>Checks: for every optimizer the validation loss after training is below the one before
 * (ln 62 ≈ 4.13 for the uniform initial prediction), the time per step is positive and the share
 * of it spent orthogonalizing is at most 1. The Muon-family optimizers' validation loss is reported
 * as its gain over AdamW's; the criterion only requires that it is not worse than AdamW's by more
 * than the initial loss (i.e. that the run did not diverge) — which optimizer wins at 40 steps is
 * reported, not asserted. Plots: validation loss and training-batch loss against the step.
 */
public final class DjlTourStep implements TourStep {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public DjlTourStep() {}

    @Override public String capability() { return "djl-lm"; }

    @Override public String title() { return "DJL: char-level transformer trained with AdamW vs Muon, NorMuon, ROOT, AuON, DCT-AdamW"; }

    @Override public int order() { return 1500; }

    @Override
    public TourResult run(TourContext ctx) {
        LmRace.Config config = LmRace.Config.quick().toBuilder().seeds(List.of(ctx.seed())).build();
        LmRace.Result result = LmRace.run(config, ctx::log);
        ctx.log(result.engine());
        TourResult.Builder out = TourResult.builder(capability());
        List<Plot.Series> val = new ArrayList<>(), train = new ArrayList<>();
        LmRace.Run adam = null;
        for (LmRace.Run r : result.runs())
            if (r.contender() == LmRace.Contender.ADAMW) adam = r;
        for (LmRace.Run r : result.runs()) {
            String who = " [" + r.contender().label() + ", lr " + String.format(Locale.ROOT, "%.3g", r.learningRate()) + "]";
            out.atMost("val loss after " + r.steps() + " steps, at most the initial " + fmt(r.initialValLoss()) + who, r.finalValLoss(),
                    r.initialValLoss());
            out.above("training ms per step" + who, r.millisPerStep(LmRace.Clock.WALL), 0);
            out.atMost("share of the step orthogonalizing" + who, r.orthoShare(), 1);
            if (adam != null && r.contender().muonFamily())
                out.above("val loss gain over AdamW's " + fmt(adam.finalValLoss()) + who + " (reported; no ordering asserted)",
                        adam.finalValLoss() - r.finalValLoss(), -r.initialValLoss());
            val.add(new Plot.Series(r.contender().label(), Arrays.stream(r.evalSteps()).asDoubleStream().toArray(), r.evalValLoss()));
            double[] steps = new double[r.completedSteps()];
            for (int i = 0; i < steps.length; i++) steps[i] = i + 1;
            train.add(new Plot.Series(r.contender().label(), steps, r.stepLoss()));
        }
        out.plot(new Plot("djl-lm-val-loss", "Char-level LM on tinyshakespeare: validation loss", "step", "loss (nats/char)",
                Plot.Kind.LINE, val));
        out.plot(new Plot("djl-lm-train-loss", "Char-level LM on tinyshakespeare: training-batch loss", "step", "loss (nats/char)",
                Plot.Kind.LINE, train));
        return out.build();
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
