#!/usr/bin/env bash
# Curriculum 41 (docs/curriculum.md): curriculum 39 (its Stages 0 and 2, linked; code 81fbeda and runner) with Stage 3
# trained for one epoch of its 191,962 examples (24,000 steps of 8 instead of 12,000: curriculum 39's Stage 3 read half
# of them once, decision 0013's reason for lengthening Stage 3 before) and curriculum 36's Stage 4 (250 steps at
# temperature 0.7), config.json beside this script. Paired control for Stage 3: curriculum 39's (60.2 on validation; same
# Stage 2, seeds and code). About 4 h of Stage 3 on this machine: run it again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner-34).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_DATA=train-s21-9000 train_from_clone 81fbeda "${RUNNER:-/work/runner-34}" runs39 "$here/config.json" runs41 "curriculum 41" 0 2
