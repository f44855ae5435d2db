#!/usr/bin/env bash
# Curriculum 37 (docs/curriculum.md): curriculum 36 (curriculum 33's Stages 0, 2 and 3, linked; Stage 4's rollouts at
# temperature 0.7) with Stage 4 training on the prompts its greedy policy answers wrong (`"greedyWrongOnly": true`,
# docs/sapo.md), config.json beside this script. Over curricula 33-36's Stage 4 the rollouts' accuracy climbed toward the
# greedy answers' while the greedy answers did not move; this spends the steps on groups whose greedy answer is wrong.
# Paired control: curriculum 36 (61.0 on validation; its Stage 3, curriculum 33's, 61.2).
# Run it again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner-37).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_DATA=train-s21-9000 train_from_clone 8f09603 "${RUNNER:-/work/runner-37}" runs33 "$here/config.json" runs37 "curriculum 37" 0 2 3
