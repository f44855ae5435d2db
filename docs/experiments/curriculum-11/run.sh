#!/usr/bin/env bash
# Curriculum 11 (docs/curriculum.md): curriculum 7's code (commit 46a79bb) and recipe, Stage 0 seed 11.
# Rebuilds whatever is missing (the code's worktree, the training scenes, the benchmark), then trains;
# run it again after a stop and it resumes where it stopped. Data and runs live outside the repository:
# LALM_DATA (default /work/lalm-data) and RUNNER, the worktree of 46a79bb (default /work/runner11).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner11}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
[ -d "$runner" ] || git -C "$here" worktree add "$runner" 46a79bb
cd "$runner"
./notmono dataset --seed 21 --count 3000 -o "$data/train-s21"   # resumes, or finds it complete
[ -f "$data/asa2-s100000/benchmark.json" ] || ./notmono benchmark build --seed 100000 -o "$data/asa2-s100000"
exec ./notmono train curriculum --config "$here/config.json" --data "$data/train-s21" -o "$data/runs11"
