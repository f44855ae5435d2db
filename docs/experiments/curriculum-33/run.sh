#!/usr/bin/env bash
# Curriculum 33 (docs/curriculum.md): curriculum 32 (its recipe, code 62d0aac and runner; Stages 0 and 2 curriculum 32's,
# linked) with Stage 3's LoRA on the MLP projections too (gate_proj, up_proj, down_proj beside q, k, v and o; r 8,
# alpha 32), config.json beside this script. Stage 3 is the only stage that trains the decoder against what it hears,
# and its adapters could so far only change where attention looks, not what the decoder makes of a slot token.
# Curriculum 32 is its paired control (59.5 on validation after Stage 4); judged on validation under decision 0014's rule.
# Run it again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner-leg).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_DATA=train-s21-9000 train_from_clone 62d0aac "${RUNNER:-/work/runner-leg}" runs32 "$here/config.json" runs33 "curriculum 33" 0 2
