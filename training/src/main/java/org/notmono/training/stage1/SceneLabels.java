package org.notmono.training.stage1;

import java.util.List;

import org.notmono.sim.scene.metrics.TruthSource;

/**
 * The ground truth of one training example.
 *
 * @param surface       room surface area in m^2 (NaN when unknown)
 * @param absorption    mean absorption (NaN when unknown)
 * @param real          a real recording: class and room losses are masked (TWNM 4.3, phase II)
 */
public record SceneLabels(String id, List<SourceLabel> sources, double surface, double absorption, boolean real) {

    public SceneLabels {
        sources = List.copyOf(sources);
    }

    public boolean hasRoom() {
        return !real && Double.isFinite(surface) && Double.isFinite(absorption);
    }

    public List<TruthSource> truths() {
        return sources.stream().map(SourceLabel::truth).toList();
    }
}
