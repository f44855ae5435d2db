package org.notmono.training.stage1;

import java.nio.file.Path;

/** A window of a recording with the labels of what sounds in it. */
public record ClipWindow(Path wav, double start, SceneLabels labels) {
}
