#!/usr/bin/env bash
# Curriculum 19's evaluation with curriculum 17's code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|stage2]...   (default: stage3 stage4 text-only)
# Answers go to $LALM_DATA/asa2-s100000/answers/c19-*.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs19"
runner="${RUNNER:-/work/runner16}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c19 ${@:-stage3 stage4 text-only}
