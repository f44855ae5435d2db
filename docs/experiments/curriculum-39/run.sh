#!/usr/bin/env bash
# Curriculum 39 (docs/curriculum.md): curriculum 33's recipe again from Stage 0 (its runs went with the old machine;
# same config and seeds, code 81fbeda, whose `tiny` recipe is 62d0aac's with roomWords off), with a Stage 4 twice as
# long at temperature 0.7 (500 steps; curriculum 36's temperature), config.json beside this script.
# Curriculum 33 is its control up to Stage 3 (61.2 on validation), curriculum 36 its Stage 4's (61.0, 250 steps at 0.7).
# Rebuilds whatever is missing, then trains; run it again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (a clone at the commit below, default /work/runner-34).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_SCENES=9000 train_in_clone 81fbeda "${RUNNER:-/work/runner-34}" "$here/config.json" runs39
