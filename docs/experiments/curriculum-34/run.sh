#!/usr/bin/env bash
# Curriculum 34 (docs/curriculum.md): curriculum 33 (the `tiny` recipe on 9,000 training scenes, Stage 3's adapters on
# the MLP too, the same seeds) with the scene token carrying the room's words (`"projector": {"roomWords": true}`,
# decision 0017), config.json beside this script. Only Stage 0 makes a projector, so every stage is trained again.
# Curriculum 33 is its paired control (61.2 on validation after Stage 3, 60.6 after Stage 4); judged on the validation
# benchmark under decision 0014's rule.
# Rebuilds whatever is missing, then trains; run it again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (a clone at the commit below, default /work/runner-34).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_SCENES=9000 train_in_clone 81fbeda "${RUNNER:-/work/runner-34}" "$here/config.json" runs34
