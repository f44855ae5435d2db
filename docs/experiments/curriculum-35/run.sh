#!/usr/bin/env bash
# Curriculum 35 (docs/curriculum.md): curriculum 33 (Stages 0, 2 and 3 its own, linked; code 62d0aac and runner) with
# Stage 4's SAPO adapters on the MLP projections too (gate_proj, up_proj, down_proj beside q, k, v and o), as Stage 3's
# were, config.json beside this script. Curriculum 33 answered 61.2 on validation after Stage 3 and 60.6 after Stage 4,
# so decision 0014's rule did not pick it; this asks whether a Stage 4 that adapts what Stage 3 adapted does better.
# Run it again after a stop and it resumes. LALM_DATA (default /work/lalm-data), RUNNER (default /work/runner-leg).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../train-common.sh"
TRAIN_DATA=train-s21-9000 train_from_clone 62d0aac "${RUNNER:-/work/runner-leg}" runs33 "$here/config.json" runs35 "curriculum 35" 0 2 3
