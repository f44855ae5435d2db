#!/usr/bin/env bash
# Curriculum 11's evaluation with its own code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|stage2|truth-text]...   (default: the first five, in that order)
# Answers go to $LALM_DATA/asa2-s100000/answers/c11-*; stages 2 and 3 are scored on 300 stratified items.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs11"
runner="${RUNNER:-/work/runner11}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
for w in ${@:-stage4 text-only held-out stage3 stage2}; do
  case "$w" in
    stage4) ask --answerer lalm --checkpoint "$(last 4)" --name c11-lalm-stage4 ;;
    text-only) ask --answerer text-only --checkpoint "$(last 4)" --name c11-text-only-stage4 ;;
    held-out) ask --answerer lalm --checkpoint "$(last 4)" --phrasings held-out --name c11-lalm-stage4-held-out ;;
    stage3) ask --answerer lalm --checkpoint "$(last 3)" --limit 300 --name c11-lalm-stage3-300 ;;
    stage2) ask --answerer lalm --checkpoint "$(last 2)" --limit 300 --name c11-lalm-stage2-300 ;;
    truth-text) ask --answerer lalm-truth-text --checkpoint "$(last 0)" --name c11-lalm-truth-text-stage0 ;;
    *) echo "eval.sh: unknown answerer set '$w' (stage4, text-only, held-out, stage3, stage2 or truth-text)" >&2; exit 2 ;;
  esac
done
