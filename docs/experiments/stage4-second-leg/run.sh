#!/usr/bin/env bash
# A second Stage 4 leg (docs/curriculum.md, "A second Stage 4 leg"): SAPO for another 250 steps at the `tiny` preset's
# settings (config.json beside this script: the preset with seed 5) from the shipped lalm-tiny (curriculum 28 after Stage
# 4, adapters merged), on multiple-choice prompts from 9,000 training scenes (`dataset --seed 21 --count 9000`, whose
# first 3,000 are the ones curriculum 28 trained on), drawn with seed 5. Decision 0014 left "a longer run at the preset's
# step" for later; curriculum 28's Stage 3 and Stage 4 runs went with their machine, so the longer run starts from the
# shipped weights, with fresh adapters and the shipped policy as the KL reference. Run it again after a stop: it resumes.
# usage: run.sh [NAME [CONFIG [INIT [SEED]]]]: another leg NAME (default leg2, in $LALM_DATA/runs-NAME) with CONFIG (default
# config.json beside this script) from the checkpoint INIT (default the shipped lalm-tiny), its prompts made with SEED
# (default 5). LALM_DATA (default /work/lalm-data), RUNNER (a clone at the commit below, default /work/runner-leg).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner-leg}"
runs="$data/runs-${1:-leg2}"
config="$(realpath "${2:-$here/config.json}")"
init="${3:-$runner/assets/checkpoints/lalm-tiny}"
seed="${4:-5}"
qa="$data/train-s21-9000-mcq-s$seed.jsonl"
clone_at 62d0aac "$runner"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
cd "$runner"
./notmono dataset --seed 21 --count 9000 -o "$data/train-s21-9000"   # resumes, or finds it complete
[ -f "$qa" ] || ./notmono qa --data "$data/train-s21-9000" --kind mcq --seed "$seed" -o "$qa"
run=$(ls -d "$runs"/stage4-* 2>/dev/null | sort | tail -1 || true)
if [ -n "$run" ]; then
  grep -q '"finished"' "$run/status.json" && { echo "$run is finished"; exit 0; }
  exec ./notmono train stage4 --resume "$run"
fi
exec ./notmono train stage4 --config "$config" --init "$init" --qa "$qa" --data "$data/train-s21-9000" -o "$runs"
