#!/usr/bin/env bash
# Curriculum 20's evaluation with curriculum 17's code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|stage2]...   (default: stage3 stage4 text-only)
# Answers go to $LALM_DATA/asa2-s100000/answers/c20-* (BENCHMARK=asa2-s200000: the validation benchmark's).
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs20"
runner="${RUNNER:-/work/runner16}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c20 ${@:-stage3 stage4 text-only}
