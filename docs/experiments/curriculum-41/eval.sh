#!/usr/bin/env bash
# Curriculum 41's evaluation with the code that trained it (81fbeda), one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3|stage2]...   (default: stage3 stage4 text-only)
# Answers go to $LALM_DATA/asa2-s100000/answers/c41-* (BENCHMARK=asa2-s200000: the validation benchmark's).
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs41"
runner="${RUNNER:-/work/runner-34}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c41 ${@:-stage3 stage4 text-only}
