#!/usr/bin/env bash
# Curriculum 13 (docs/curriculum.md): curriculum 12 with one change, Stage 4's learning rate 5e-4 in
# place of the tiny preset's 5e-5 (config.json beside this file). Curriculum 12's Stage 4 moved its
# policy a KL of 0.0006 from Stage 3 against a target of 0.05 and did not beat Stage 3 (-0.5 points).
# Stages 0, 2 and 3 are curriculum 12's (curriculum 11's 0 and 2): finished runs of them are linked,
# not trained again. Same code as curriculum 12 (its worktree, made by ../curriculum-12/run.sh).
# Run it again after a stop and it resumes where it stopped. LALM_DATA (default /work/lalm-data),
# RUNNER (default /work/runner12).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner12}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
if [ ! -d "$runner" ] || ! ls -d "$data"/runs12/stage3-* >/dev/null 2>&1; then
  echo "curriculum 13 needs curriculum 12's worktree and Stage 3: run ../curriculum-12/run.sh first" >&2
  exit 2
fi
mkdir -p "$data/runs13"
for stage in stage0 stage2 stage3; do
  done_run=$(grep -l '"finished"' "$data"/runs12/"$stage"-*/status.json 2>/dev/null | sort | tail -1 || true)
  if [ -n "$done_run" ] && ! ls -d "$data/runs13/$stage"-* >/dev/null 2>&1; then
    ln -s "$(readlink -f "$(dirname "$done_run")")" "$data/runs13/"
  fi
done
cd "$runner"
exec ./notmono train curriculum --config "$here/config.json" --data "$data/train-s21" -o "$data/runs13"
