#!/usr/bin/env bash
# Curriculum 42's evaluation with the code that trained it (f43968a), one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|stage2]...   (default: stage3 stage4 text-only)
# Answers go to $LALM_DATA/asa2-s100000/answers/c42-* (BENCHMARK=asa2-s200000: the validation benchmark's).
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs42"
runner="${RUNNER:-/work/runner-42}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c42 ${@:-stage3 stage4 text-only}
