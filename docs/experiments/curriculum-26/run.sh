#!/usr/bin/env bash
# Curriculum 26 (docs/curriculum.md): curriculum 19 with Stage 3 twice as long again, 24,000 steps (3 epochs of its
# examples; config.json beside this script), from curriculum 18's Stages 0 and 2 (linked, not trained again), in a
# clone at caaeca9 (Stages 0-3 train as curriculum 18's code did; Stage 4 the preset). Judged on the validation
# benchmark under decision 0014's rule. Run ../curriculum-18/run.sh first; run this again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner22).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone caaeca9 "${RUNNER:-/work/runner22}" runs18 "$here/config.json" runs26 "curriculum 26" 0 2
