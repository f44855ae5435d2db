#!/usr/bin/env bash
# Curriculum 20 (docs/curriculum.md): curriculum 19 with Stage 4's peak learning rate ten times higher (5e-4 for 5e-5,
# config.json beside this script), from curriculum 19's Stages 0, 2 and 3 (linked, not trained again) with the same
# runner. Run ../curriculum-19/run.sh first; run this again after a stop and it resumes. LALM_DATA (default
# /work/lalm-data), RUNNER (default /work/runner16).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from runs19 "${RUNNER:-/work/runner16}" "$here/config.json" runs20 "curriculum 20" 0 2 3
