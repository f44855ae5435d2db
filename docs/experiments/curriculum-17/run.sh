#!/usr/bin/env bash
# Curriculum 17 (docs/curriculum.md): curriculum 16 (decision 0012, class words in the slot tokens) with Stage 0
# walking the options again (config.json beside this script: `"optionWalk": true` in stage0), to teach Stage 0 to check
# each offered option against what it hears. `train curriculum` from a worktree at the commit below; rebuilds whatever
# is missing, then trains; run it again after a stop and it resumes where it stopped. LALM_DATA (default
# /work/lalm-data), RUNNER (the worktree, default /work/runner16).
set -euo pipefail
commit=cbe3b1ef80ea65a49219faec3c637d4e30f5eb1e   # class-words: the slot tokens carry their class's words (decision 0012)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_in_clone "$commit" "${RUNNER:-/work/runner16}" "$here/config.json" runs17
