#!/usr/bin/env bash
# Curriculum 14's evaluation with its own code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|truth-text]...   (default: stage4 text-only held-out stage3)
# Answers go to $LALM_DATA/asa2-s100000/answers/c14-*; truth-text is the Stage 0 decoder reading the scene's truth as text,
# and can run as soon as Stage 0 has finished.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs14"
runner="${RUNNER:-/work/runner14}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c14 ${@:-stage4 text-only held-out stage3}
