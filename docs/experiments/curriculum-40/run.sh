#!/usr/bin/env bash
# Curriculum 40 (docs/curriculum.md): curriculum 39 (Stages 0, 2 and 3 its own, linked; code 81fbeda and runner) with
# Stage 4's length reward weighed 0 instead of 0.25, everything else curriculum 39's (500 steps at temperature 0.7, the
# same seeds), config.json beside this script. Every Stage 4 from these Stage 3s lost physical consistency (-3.6 to
# -10.7): its reasoning, claim by claim, runs about 610 characters, past the length window's 400, and in a group of
# wrong answers the length part alone sets the advantages, toward shorter reasoning. Paired control: curriculum 39's Stage 4.
# Run it again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner-34).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_DATA=train-s21-9000 train_from_clone 81fbeda "${RUNNER:-/work/runner-34}" runs39 "$here/config.json" runs40 "curriculum 40" 0 2 3
