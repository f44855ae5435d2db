#!/usr/bin/env bash
# Curriculum 17 (docs/curriculum.md): curriculum 16 (decision 0012, class words in the slot tokens) with Stage 0
# walking the options again (config.json beside this script: `"optionWalk": true` in stage0), to teach Stage 0 to check
# each offered option against what it hears. `train curriculum` from a worktree at the commit below; rebuilds whatever
# is missing, then trains; run it again after a stop and it resumes where it stopped. LALM_DATA (default
# /work/lalm-data), RUNNER (the worktree, default /work/runner16).
set -euo pipefail
commit=cbe3b1ef80ea65a49219faec3c637d4e30f5eb1e   # class-words: the slot tokens carry their class's words (decision 0012)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner16}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
[ -d "$runner" ] || git -C "$here" worktree add --detach "$runner" "$commit"
cd "$runner"
./notmono dataset --seed 21 --count 3000 -o "$data/train-s21"   # resumes, or finds it complete
[ -f "$data/asa2-s100000/benchmark.json" ] || ./notmono benchmark build --seed 100000 -o "$data/asa2-s100000"
exec ./notmono train curriculum --config "$here/config.json" --data "$data/train-s21" -o "$data/runs17"
