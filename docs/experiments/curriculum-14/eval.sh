#!/usr/bin/env bash
# Curriculum 14's evaluation with its own code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|truth-text]...   (default: stage4 text-only held-out stage3)
# Answers go to $LALM_DATA/asa2-s100000/answers/c14-*; truth-text is the Stage 0 decoder reading the scene's truth as text,
# and can run as soon as Stage 0 has finished.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs14"
runner="${RUNNER:-/work/runner14}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
for w in ${@:-stage4 text-only held-out stage3}; do
  case "$w" in
    stage4) ask --answerer lalm --checkpoint "$(last 4)" --name c14-lalm-stage4 ;;
    text-only) ask --answerer text-only --checkpoint "$(last 4)" --name c14-text-only-stage4 ;;
    held-out) ask --answerer lalm --checkpoint "$(last 4)" --phrasings held-out --name c14-lalm-stage4-held-out ;;
    stage3) ask --answerer lalm --checkpoint "$(last 3)" --name c14-lalm-stage3 ;;
    text-only-stage3) ask --answerer text-only --checkpoint "$(last 3)" --name c14-text-only-stage3 ;;
    truth-text) ask --answerer lalm-truth-text --checkpoint "$(last 0)" --name c14-lalm-truth-text-stage0 ;;
    *) echo "eval.sh: unknown answerer set '$w' (stage4, text-only, held-out, stage3, text-only-stage3 or truth-text)" >&2; exit 2 ;;
  esac
done
