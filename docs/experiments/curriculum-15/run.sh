#!/usr/bin/env bash
# Curriculum 15 (docs/curriculum.md): curriculum 14 with Stages 2 and 3 unbucketed ("lengthBuckets": 0, config.json
# beside this file), from curriculum 14's Stage 0 (linked, not trained again), with curriculum 14's code and worktree
# (../curriculum-14/run.sh makes them). Asks whether length buckets in the stages that align the projector cost the
# classes it hears. Run it again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner14).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner14}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
done_run=$(grep -l '"finished"' "$data"/runs14/stage0-*/status.json 2>/dev/null | sort | tail -1 || true)
if [ ! -d "$runner" ] || [ -z "$done_run" ]; then
  echo "curriculum 15 needs curriculum 14's worktree and finished Stage 0: run ../curriculum-14/run.sh first" >&2
  exit 2
fi
mkdir -p "$data/runs15"
ls -d "$data"/runs15/stage0-* >/dev/null 2>&1 || ln -s "$(dirname "$done_run")" "$data/runs15/"
cd "$runner"
exec ./notmono train curriculum --config "$here/config.json" --data "$data/train-s21" -o "$data/runs15"
