#!/usr/bin/env bash
# Curriculum 12 (docs/curriculum.md): curriculum 11 (curriculum 7's code, commit 46a79bb, and recipe with
# Stage 0 seed 11) with one change, the patch beside this file: Stage 3 trains multiple-choice answers
# right after the reasoning, without the walk over the options (decision 0003's walk stays in Stage 0).
# Rebuilds whatever is missing, then trains; run it again after a stop and it resumes where it stopped.
# Stages 0 and 2 are curriculum 11's (the patch changes only Stage 3): finished runs of them in
# $LALM_DATA/runs11 are linked, not trained again. LALM_DATA (default /work/lalm-data), RUNNER (the
# patched worktree, default /work/runner12).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner12}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
if [ ! -d "$runner" ]; then
  git -C "$here" worktree add --detach "$runner" 46a79bb
  git -C "$runner" apply "$here/stage3-answer-after-reasoning.patch"
fi
cd "$runner"
./notmono dataset --seed 21 --count 3000 -o "$data/train-s21"   # resumes, or finds it complete
[ -f "$data/asa2-s100000/benchmark.json" ] || ./notmono benchmark build --seed 100000 -o "$data/asa2-s100000"
mkdir -p "$data/runs12"
for stage in stage0 stage2; do
  done_run=$(grep -l '"finished"' "$data"/runs11/"$stage"-*/status.json 2>/dev/null | sort | tail -1 || true)
  if [ -n "$done_run" ] && ! ls -d "$data/runs12/$stage"-* >/dev/null 2>&1; then
    ln -s "$(dirname "$done_run")" "$data/runs12/"
  fi
done
exec ./notmono train curriculum --config "$here/../curriculum-11/config.json" --data "$data/train-s21" -o "$data/runs12"
