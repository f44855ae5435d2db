#!/usr/bin/env bash
# Curriculum 19 (docs/curriculum.md): curriculum 18 with Stage 3 twice as long again (config.json beside this script:
# 12,000 steps, 1.5 epochs of its examples), from curriculum 18's Stages 0 and 2 (linked, not trained again) with the
# same worktree. Run ../curriculum-18/run.sh first; run this again after a stop and it resumes. LALM_DATA (default
# /work/lalm-data), RUNNER (default /work/runner16).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from runs18 "${RUNNER:-/work/runner16}" "$here/config.json" runs19 "curriculum 19" 0 2
