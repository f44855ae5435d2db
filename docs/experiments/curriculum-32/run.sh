#!/usr/bin/env bash
# Curriculum 32 (docs/curriculum.md): the `tiny` recipe (config.json beside this script: the recipe of 62d0aac under another
# name) with every stage on 9,000 training scenes (`dataset --seed 21 --count 9000`, whose first 3,000 are train-s21's)
# instead of 3,000, for the same steps: each example is read about a third as often. Curriculum 29 is the same recipe on
# 3,000 scenes (58.9 on validation; another draw). It also gives this machine a Stage 0 and Stage 2 again: curriculum 18's
# went with the machine they were made on. Judged on the validation benchmark under decision 0014's rule. Rebuilds
# whatever is missing, then trains; run it again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (a clone at the commit below, default /work/runner-leg).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_SCENES=9000 train_in_clone 62d0aac "${RUNNER:-/work/runner-leg}" "$here/config.json" runs32
