package org.notmono.training.stage1;

import java.io.IOException;

import org.notmono.model.encoder.ClipFeatures;

/** Training or evaluation examples: each a fixed-length window of features with its labels. */
public interface ExampleSet {

    int size();

    SceneLabels labels(int index);

    ClipFeatures features(int index) throws IOException;
}
