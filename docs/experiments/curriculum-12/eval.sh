#!/usr/bin/env bash
# Curriculum 12's evaluation with its own code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3]...   (default: all five, in that order)
# Answers go to $LALM_DATA/asa2-s100000/answers/c12-*. Stages 0 and 2 are curriculum 11's (its eval.sh).
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs12"
runner="${RUNNER:-/work/runner12}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
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
