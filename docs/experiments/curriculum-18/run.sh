#!/usr/bin/env bash
# Curriculum 18 (docs/curriculum.md): curriculum 17 with longer supervised stages (config.json beside this script:
# Stage 2 3,000 steps and Stage 3 6,000, where 1,500 each read 34% and 19% of their examples once), from curriculum 17's
# Stage 0 (linked, not trained again) with the same worktree. Run ../curriculum-17/run.sh first; run this again after a
# stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner16).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from runs17 "${RUNNER:-/work/runner16}" "$here/config.json" runs18 "curriculum 18" 0
