#!/usr/bin/env bash
# The second Stage 4 leg's evaluation with the code that trained it, one answerer after another (never beside a training run).
# usage: [LEG=leg2] eval.sh [stage4|text-only|held-out]...   (default: stage4)
# Answers go to $LALM_DATA/asa2-s100000/answers/LEG-* (BENCHMARK=asa2-s200000: the validation benchmark's).
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs-${LEG:-leg2}"
runner="${RUNNER:-/work/runner-leg}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate "${LEG:-leg2}" ${@:-stage4}
