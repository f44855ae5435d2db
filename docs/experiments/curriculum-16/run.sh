#!/usr/bin/env bash
# Curriculum 16 (docs/curriculum.md): main's `tiny` recipe with decision 0012 (each slot token carries the decoder's
# embedding of its class's words), trained with one command, `train curriculum --config tiny`, from a worktree at the
# commit below. Rebuilds whatever is missing, then
# trains; run it again after a stop and it resumes where it stopped. LALM_DATA (default /work/lalm-data),
# RUNNER (the worktree, default /work/runner16).
set -euo pipefail
commit=cbe3b1ef80ea65a49219faec3c637d4e30f5eb1e   # class-words: the slot tokens carry their class's words (decision 0012)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_in_clone "$commit" "${RUNNER:-/work/runner16}" tiny runs16
