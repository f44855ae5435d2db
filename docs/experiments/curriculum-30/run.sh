#!/usr/bin/env bash
# Curriculum 30 (docs/curriculum.md): curriculum 28 with physical consistency reasoned claim by claim (decision 0005, third
# addendum: each offered claim, in the order shown, held against the room's reach on its side before the impossible one
# is named; curriculum 28's reasoning named a claim that no option makes in 39 of 45 validation answers). Curriculum 28's
# recipe (config.json beside this script) from curriculum 18's Stages 0 and 2 (linked, not trained again), in a clone at
# 65198a9, so curriculum 28 is its paired control. Judged on the validation benchmark under decision 0014's rule.
# Run ../curriculum-18/run.sh first; run this again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner30).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone 65198a9 "${RUNNER:-/work/runner30}" runs18 "$here/config.json" runs30 "curriculum 30" 0 2
