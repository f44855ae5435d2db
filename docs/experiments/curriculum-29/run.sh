#!/usr/bin/env bash
# Curriculum 29 (docs/curriculum.md): curriculum 28's recipe (config.json beside this script, the shipped tiny recipe
# under another name) with every stage trained on today's question generator, in a clone at c010733: Stage 0 learns the
# event-class reasoning that lists the offered classes in the order shown and attribute verification's reasoning without
# options, Stage 2 the open answers naming a class with 'the'. Curricula 27 and 28 trained only Stages 3 and 4 on them,
# over curriculum 18's Stages 0 and 2. Judged on the validation benchmark under decision 0014's rule (it must answer more
# than curriculum 28's 601 of 1,000). Rebuilds whatever is missing, then trains; run it again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner29).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_in_clone c010733 "${RUNNER:-/work/runner29}" "$here/config.json" runs29
