#!/usr/bin/env bash
# Curriculum 42 (docs/curriculum.md): curriculum 39's config and seeds with each slot token's learned part at its class
# words' length (decision 0019, "slotsAtWordScale") and curriculum 36's Stage 4 (250 steps at temperature 0.7),
# config.json beside this script. Only Stage 0 makes a projector, so every stage trains again, on the 9,000 scenes of
# train-s21-9000, with the code of f43968a in a clone. Paired control: curriculum 39 (60.2 on validation after Stage 3).
# Rebuilds whatever is missing, then trains; run it again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (a clone at the commit below, default /work/runner-42).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_SCENES=9000 train_in_clone f43968a "${RUNNER:-/work/runner-42}" "$here/config.json" runs42
