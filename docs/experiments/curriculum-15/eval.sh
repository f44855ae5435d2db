#!/usr/bin/env bash
# Curriculum 15's evaluation with curriculum 14's code, one answerer after another (never beside a training run).
# usage: eval.sh [stage3|text-only-stage3|stage4|text-only]...   (default: stage3)
# Answers go to $LALM_DATA/asa2-s100000/answers/c15-*.
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs15"
runner="${RUNNER:-/work/runner14}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c15 ${@:-stage3}
