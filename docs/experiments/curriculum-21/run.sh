#!/usr/bin/env bash
# Curriculum 21 (docs/curriculum.md): curriculum 20 (Stage 4's learning rate 5e-4) with a floor of 0.5 on the reward
# deviation a group's advantages are divided by (config.json beside this script; decision 0014), from curriculum 19's
# Stages 0, 2 and 3 (linked, not trained again), in a clone at the commit that added the floor. Run
# ../curriculum-19/run.sh first; run this again after a stop and it resumes. LALM_DATA (default /work/lalm-data),
# RUNNER (default /work/runner21).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone 35ffa22 "${RUNNER:-/work/runner21}" runs19 "$here/config.json" runs21 "curriculum 21" 0 2 3
