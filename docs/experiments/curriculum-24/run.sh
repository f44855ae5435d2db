#!/usr/bin/env bash
# Curriculum 24 (docs/curriculum.md): curriculum 19 with 8 prompts in each Stage 4 step instead of 4 (config.json beside
# this script; decision 0014): twice the groups behind each update, at the preset's learning rate and step count. From
# curriculum 19's Stages 0, 2 and 3 (linked, not trained again), in a clone at caaeca9 (Stage 4's code as curriculum
# 22's, both switches off). Run ../curriculum-19/run.sh first; run this again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner22).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone caaeca9 "${RUNNER:-/work/runner22}" runs19 "$here/config.json" runs24 "curriculum 24" 0 2 3
