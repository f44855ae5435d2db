#!/usr/bin/env bash
# Model soups: Stage 4 (and Stage 3) checkpoints of curricula that share curriculum 18's Stages 0 and 2, averaged with
# `notmono average` (this repository from c6feb12 on), answered on validation by curriculum 28's code (RUNNER28, a clone
# at 5b2f789). Run it on a quiet machine (no training beside it).
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
R=${LALM_DATA:-/work/lalm-data}; OUT=${SOUPS:-/work/soup}
s4() { ls -d $R/runs$1/stage4-*/checkpoints/step-250; }
s3() { ls -d $R/runs$1/stage3-*/checkpoints/step-12000 $R/runs$1/stage3-*/checkpoints/step-24000 2>/dev/null | tail -1; }
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
./notmono average $(s4 28) $(s4 30) -o $OUT/soup-s4-28-30
./notmono average $(s4 19) $(s4 26) $(s4 27) $(s4 30) $(s4 28) -o $OUT/soup-s4-19-26-27-30-28
./notmono average $(s3 19) $(s3 26) $(s3 27) $(s3 30) $(s3 28) -o $OUT/soup-s3-19-26-27-30-28
cd "${RUNNER28:-/work/runner28}"
for m in soup-s4-28-30 soup-s4-19-26-27-30-28 soup-s3-19-26-27-30-28; do
  date
  ./notmono bench asa --benchmark $R/asa2-s200000 --answerer lalm --checkpoint $OUT/$m --name proto-$m
done
date
