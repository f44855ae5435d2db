#!/usr/bin/env bash
# Curriculum 23 (docs/curriculum.md): a second draw of the `tiny` recipe (curriculum 18's config with Stage 0's seed 5
# for 1; config.json beside this script), every stage trained, in a clone at caaeca9 (training code for Stages 0-3 as
# curriculum 18's; Stage 4 the preset, as curriculum 18's). Its recipe is chosen against curriculum 18 on the validation
# benchmark (decision 0014). Run this again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER
# (default /work/runner22).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_in_clone caaeca9 "${RUNNER:-/work/runner22}" "$here/config.json" runs23
