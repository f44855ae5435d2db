#!/usr/bin/env bash
# Curriculum 15 (docs/curriculum.md): curriculum 14 with Stages 2 and 3 unbucketed ("lengthBuckets": 0, config.json
# beside this file), from curriculum 14's Stage 0 (linked, not trained again), with curriculum 14's code and worktree
# (../curriculum-14/run.sh makes them). Asks whether length buckets in the stages that align the projector cost the
# classes it hears. Run it again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner14).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
train_from runs14 "${RUNNER:-/work/runner14}" "$here/config.json" runs15 "curriculum 15" 0
