#!/usr/bin/env bash
# Decision 0016's prototype: Stage 3 checkpoints' adapters averaged factor by factor (average_adapter_factors.py, the
# last checkpoint's projector), answered on the validation benchmark by curriculum 28's code (RUNNER28, a clone at 5b2f789).
# Run it on a quiet machine (no training beside it).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
R=${LALM_DATA:-/work/lalm-data}; OUT=${SOUPS:-/work/soup}
S=$(ls -d $R/runs28/stage3-*/checkpoints)
python3 "$here/average_adapter_factors.py" $OUT/c28-s3-lora-avg5 $S/step-{10000,10500,11000,11500,12000}
python3 "$here/average_adapter_factors.py" $OUT/c28-s3-lora-avg9 $S/step-{8000,8500,9000,9500,10000,10500,11000,11500,12000}
S=$(ls -d $R/runs30/stage3-*/checkpoints)
python3 "$here/average_adapter_factors.py" $OUT/c30-s3-lora-avg5 $S/step-{10000,10500,11000,11500,12000}
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
cd "${RUNNER28:-/work/runner28}"
for m in c28-s3-lora-avg5 c28-s3-lora-avg9 c30-s3-lora-avg5; do
  date
  ./notmono bench asa --benchmark $R/asa2-s200000 --answerer lalm --checkpoint $OUT/$m --name proto-$m
done
date
