#!/usr/bin/env bash
# Curriculum 36 (docs/curriculum.md): curriculum 33 (Stages 0, 2 and 3 its own, linked; code 62d0aac and runner) with
# Stage 4's rollouts sampled at temperature 0.7 instead of the preset's 1.0, config.json beside this script. At 1.0 half
# of curriculum 33's logged event-class rollouts name a class that is none of the four options, and most of those still
# score as right (the likeliest option after the reasoning, decision 0004), so the reward reinforces reasoning the greedy
# policy does not write; 0.7 is the consensus answerer's temperature (decision 0015). Paired controls: curriculum 33's
# Stage 4 (60.6 on validation) and curriculum 35's (59.5), both from the same Stage 3 (61.2).
# Run it again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner-leg).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_DATA=train-s21-9000 train_from_clone 62d0aac "${RUNNER:-/work/runner-leg}" runs33 "$here/config.json" runs36 "curriculum 36" 0 2 3
