package org.ortho4j.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** One configuration of every rule (and variant) for the tests that must hold for all of them. */
final class TestRules {
    private TestRules() {}

    static Map<String, UpdateRule> all() {
        Map<String, UpdateRule> m = new LinkedHashMap<>();
        m.put("AdamW", AdamW.builder().lr(1e-2).weightDecay(0.01).build());
        m.put("AdamW-moonlight", AdamW.builder().lr(1e-2).epsMode(AdamW.EpsMode.MOONLIGHT).build());
        m.put("SGD-nesterov", Sgd.builder().lr(0.05).momentum(0.9).nesterov(true).weightDecay(0.01).build());
        m.put("Muon-KJ", Muon.kellerJordan().weightDecay(0.01).build());
        m.put("Muon-torch", Muon.torchMatchRmsAdamW().build());
        m.put("Muon-dion-cautious", Muon.dionStyle().cautiousWeightDecay(true).build());
        m.put("Muon-polar-express", Muon.polarExpress().build());
        m.put("NorMuon-code", NorMuon.builder().weightDecay(0.01).build());
        m.put("NorMuon-paper", NorMuon.paper().build());
        m.put("NorMuon-longer-side", NorMuon.builder().normAxis(NorMuon.NormAxis.LONGER_SIDE).build());
        m.put("ROOT", Root.builder().build());
        m.put("AuON-paper", AuOn.builder().build());
        m.put("AuON-package", AuOn.packageForm().weightDecay(0.01).build());
        m.put("HybridAuON-NS1", AuOn.hybrid().hybridNsSteps(1).build());
        m.put("DCT-AdamW", LowRankAdamW.dct().rank(2).updateProjGap(2).weightDecay(0.01).build());
        m.put("SVD-AdamW", LowRankAdamW.svd().rank(2).updateProjGap(2).build());
        m.put("Dion", Dion.builder().rank(2).seed(7).build());
        return m;
    }

    static Stream<Arguments> arguments() { return all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue())); }
}
