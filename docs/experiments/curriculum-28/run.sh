#!/usr/bin/env bash
# Curriculum 28 (docs/curriculum.md): curriculum 27 with the event-class reasoning listing the options' classes in the
# order the question shows them, not alphabetically (decision 0005, second addendum: curriculum 27 named all four only 7
# times in 55 on the validation benchmark, repeating one and dropping another), and attribute verification's
# chain-of-thought items naming only the source heard; curriculum 19's recipe (config.json beside this script) from
# curriculum 18's Stages 0 and 2 (linked, not trained again), in a clone at 5b2f789. Judged on the validation benchmark under
# decision 0014's rule; its paired controls are curricula 19 and 27.
# Run ../curriculum-18/run.sh first; run this again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner28).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone 5b2f789 "${RUNNER:-/work/runner28}" runs18 "$here/config.json" runs28 "curriculum 28" 0 2
