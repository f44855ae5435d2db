#!/usr/bin/env bash
# Curriculum 16's evaluation with its own code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|truth-text|truth]...   (default: stage4 text-only held-out stage3)
# Answers go to $LALM_DATA/asa2-s100000/answers/c16-*; truth-text is the Stage 0 decoder reading the scene's truth as text,
# truth the Stage 0 checkpoint hearing the scene's truth through the projector; both can run as soon as Stage 0 has finished.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs16"
runner="${RUNNER:-/work/runner16}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c16 ${@:-stage4 text-only held-out stage3}
