#!/usr/bin/env bash
# Curriculum 12's evaluation with its own code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3]...   (default: all five, in that order)
# Answers go to $LALM_DATA/asa2-s100000/answers/c12-*. Stages 0 and 2 are curriculum 11's (its eval.sh).
set -euo pipefail
data="${LALM_DATA:-/work/lalm-data}"
runner="${RUNNER:-/work/runner12}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
runs="$data/runs12" bench="$data/asa2-s100000"
# the newest run of stage $1, its last checkpoint
last() { local run; run=$(ls -d "$runs"/stage"$1"-* | sort | tail -1); echo "$run/checkpoints/$(ls "$run/checkpoints" | sort -t- -k2 -n | tail -1)"; }
ask() { ./notmono bench asa --benchmark "$bench" "$@"; }
cd "$runner"
for w in ${@:-stage4 text-only held-out stage3 text-only-stage3}; do
  case "$w" in
    stage4) ask --answerer lalm --checkpoint "$(last 4)" --name c12-lalm-stage4 ;;
    text-only) ask --answerer text-only --checkpoint "$(last 4)" --name c12-text-only-stage4 ;;
    held-out) ask --answerer lalm --checkpoint "$(last 4)" --phrasings held-out --name c12-lalm-stage4-held-out ;;
    stage3) ask --answerer lalm --checkpoint "$(last 3)" --name c12-lalm-stage3 ;;
    text-only-stage3) ask --answerer text-only --checkpoint "$(last 3)" --name c12-text-only-stage3 ;;
    *) echo "eval.sh: unknown answerer set '$w' (stage4, text-only, held-out, stage3 or text-only-stage3)" >&2; exit 2 ;;
  esac
done
