#!/usr/bin/env bash
# Curriculum 17b (docs/curriculum.md): Stages 2, 3 and 4 of curriculum 17 trained again, the same config, code and
# worktree, from curriculum 17's Stage 0 (linked, not trained again). Nothing changes but the run: it measures how far
# two runs of the later stages on one machine fall apart (Stage 3's sums round differently from run to run). Run
# ../curriculum-17/run.sh first; run this again after a stop and it resumes. LALM_DATA (default /work/lalm-data),
# RUNNER (default /work/runner16).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from runs17 "${RUNNER:-/work/runner16}" "$here/../curriculum-17/config.json" runs17b "curriculum 17b" 0
