#!/usr/bin/env bash
# Curriculum 17's evaluation with its own code (curriculum 16's worktree), one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|stage2|truth-text|truth]...   (default: truth, then stage4 text-only held-out stage3 stage2)
# Answers go to $LALM_DATA/asa2-s100000/answers/c17-*; truth (Stage 0 hearing the truth through the projector) can run as soon as Stage 0 has finished.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs17"
runner="${RUNNER:-/work/runner16}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c17 ${@:-truth stage4 text-only held-out stage3 stage2}
