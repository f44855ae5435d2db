#!/usr/bin/env bash
# Curriculum 13's evaluation with curriculum 12's code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out]...   (default: stage4 and text-only, in that order)
# Answers go to $LALM_DATA/asa2-s100000/answers/c13-*. Stages 0-3 are curriculum 12's (its eval.sh).
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs13"
runner="${RUNNER:-/work/runner12}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c13 ${@:-stage4 text-only}
