#!/usr/bin/env bash
# Curriculum 25 (docs/curriculum.md): curriculum 24 (8 prompts in each Stage 4 step) at twice the learning rate, 1e-4
# (the linear scaling rule for a batch twice as large; config.json beside this script; decision 0014). From
# curriculum 19's Stages 0, 2 and 3 (linked, not trained again), in a clone at caaeca9 (Stage 4's code as curriculum
# 22's, both switches off). Run ../curriculum-19/run.sh first; run this again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner22).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone caaeca9 "${RUNNER:-/work/runner22}" runs19 "$here/config.json" runs25 "curriculum 25" 0 2 3
