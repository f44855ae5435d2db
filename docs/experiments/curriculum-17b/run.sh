#!/usr/bin/env bash
# Curriculum 17b (docs/curriculum.md): Stages 2, 3 and 4 of curriculum 17 trained again, the same config, code and
# worktree, from curriculum 17's Stage 0 (linked, not trained again). Nothing changes but the draw (libtorch's threaded
# sums make every run a sibling): it measures how far two draws of the later stages fall apart. Run ../curriculum-17/run.sh
# first; run this again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner16).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner16}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
done_run=$(grep -l '"finished"' "$data"/runs17/stage0-*/status.json 2>/dev/null | sort | tail -1 || true)
if [ ! -d "$runner" ] || [ -z "$done_run" ]; then
  echo "curriculum 17b needs curriculum 17's worktree and finished Stage 0: run ../curriculum-17/run.sh first" >&2
  exit 2
fi
mkdir -p "$data/runs17b"
ls -d "$data"/runs17b/stage0-* >/dev/null 2>&1 || ln -s "$(dirname "$done_run")" "$data/runs17b/"
cd "$runner"
exec ./notmono train curriculum --config "$here/../curriculum-17/config.json" --data "$data/train-s21" -o "$data/runs17b"
