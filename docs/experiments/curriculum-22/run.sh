#!/usr/bin/env bash
# Curriculum 22 (docs/curriculum.md): curriculum 21 with Stage 4's loss on the reasoning only ("lossOnReasoning") and its
# learning rate 1.5e-4 (config.json beside this script; decision 0014), from curriculum 19's Stages 0, 2 and 3 (linked,
# not trained again), in a clone at the commit that added the reasoning-only loss. Run ../curriculum-19/run.sh first; run
# this again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner22).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone caaeca9 "${RUNNER:-/work/runner22}" runs19 "$here/config.json" runs22 "curriculum 22" 0 2 3
