#!/usr/bin/env bash
# Curriculum 14 (docs/curriculum.md): the `tiny` recipe as main has it since decision 0011 (Stage 0 states the
# themes' world knowledge and answers without the option walk, as Stage 3 does), trained with one command,
# `train curriculum --config tiny`, from a worktree at the commit below. Rebuilds whatever is missing, then
# trains; run it again after a stop and it resumes where it stopped. LALM_DATA (default /work/lalm-data),
# RUNNER (the worktree, default /work/runner14).
set -euo pipefail
commit=072d369989b689b87077cb3c34e7ab71d86c2b9c   # main with decision 0011
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_in_clone "$commit" "${RUNNER:-/work/runner14}" tiny runs14
