#!/usr/bin/env bash
# Curriculum 31 (docs/curriculum.md): curriculum 30 on three times the training scenes. Curriculum 26 showed that more
# passes over the 3,000 scenes lower Stage 3's loss without answering more questions on other scenes; here Stages 3 and 4
# read 9,000 scenes (`dataset --seed 21 --count 9000`, whose first 3,000 are train-s21's) for the same 12,000 steps, so
# each example is seen about half a time instead of one and a half. Curriculum 30's recipe (config.json beside this script,
# renamed) and code (a clone at 65198a9, the runner it trained in), from curriculum 18's Stages 0 and 2 (linked, trained on
# the 3,000 scenes), so curriculum 30 is its paired control. Judged on the validation benchmark under decision 0014's rule.
# Run ../curriculum-18/run.sh first; run this again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner30).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
runner="${RUNNER:-/work/runner30}"
clone_at 65198a9 "$runner"
(cd "$runner" && DJL_OFFLINE=true OPT_OUT_TRACKING=true ./notmono dataset --seed 21 --count 9000 -o "${LALM_DATA:-/work/lalm-data}/train-s21-9000")
TRAIN_DATA=train-s21-9000 train_from runs18 "$runner" "$here/config.json" runs31 "curriculum 31" 0 2
