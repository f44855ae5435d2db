#!/usr/bin/env bash
# Curriculum 18's evaluation with curriculum 17's code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|stage2]...   (default: stage3 stage4 text-only stage2)
# Answers go to $LALM_DATA/asa2-s100000/answers/c18-*.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs18"
runner="${RUNNER:-/work/runner16}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c18 ${@:-stage3 stage4 text-only stage2}
