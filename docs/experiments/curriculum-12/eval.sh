#!/usr/bin/env bash
# Curriculum 12's evaluation with its own code, one answerer after another (never beside a training run).
# usage: eval.sh [stage4|text-only|held-out|stage3|text-only-stage3]...   (default: all five, in that order)
# Answers go to $LALM_DATA/asa2-s100000/answers/c12-*. Stages 0 and 2 are curriculum 11's (its eval.sh).
set -euo pipefail
runs="${LALM_DATA:-/work/lalm-data}/runs12"
runner="${RUNNER:-/work/runner12}"
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../eval-common.sh"
evaluate c12 ${@:-stage4 text-only held-out stage3 text-only-stage3}
