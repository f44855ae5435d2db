#!/usr/bin/env bash
# Curriculum 27 (docs/curriculum.md): curriculum 19's recipe (config.json beside this script) with the event-class
# reasoning that starts from the four classes the options name (decision 0005, second addendum) and open answers
# that name a class with 'the' ("I can hear the footsteps."), from curriculum 18's
# Stages 0 and 2 (linked, not trained again: Stage 2's open answers carry no reasoning and differ only in that article;
# Stage 0 learned the old event-class reasoning, so only Stage 3 teaches the new one), in a clone at 06e4979. Judged on the validation benchmark under decision 0014's rule; its paired control is curriculum 19.
# Run ../curriculum-18/run.sh first; run this again after a stop and it resumes.
# LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner27).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from_clone 06e4979 "${RUNNER:-/work/runner27}" runs18 "$here/config.json" runs27 "curriculum 27" 0 2
