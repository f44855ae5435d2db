# Sourced by a curriculum's run.sh: `train_in_worktree COMMIT RUNNER CONFIG RUNS` makes the worktree RUNNER of COMMIT
# when it is missing, the 3,000 training scenes and the held-out benchmark when they are missing, then runs
# `train curriculum --config CONFIG` into $LALM_DATA/RUNS (resuming where it stopped). LALM_DATA defaults to /work/lalm-data.
train_in_worktree() {
  local commit=$1 runner=$2 config=$3 runs=$4
  local data="${LALM_DATA:-/work/lalm-data}"
  export DJL_OFFLINE=true OPT_OUT_TRACKING=true
  [ -d "$runner" ] || git -C "$(dirname "${BASH_SOURCE[0]}")" worktree add --detach "$runner" "$commit"
  cd "$runner"
  ./notmono dataset --seed 21 --count 3000 -o "$data/train-s21"   # resumes, or finds it complete
  [ -f "$data/asa2-s100000/benchmark.json" ] || ./notmono benchmark build --seed 100000 -o "$data/asa2-s100000"
  exec ./notmono train curriculum --config "$config" --data "$data/train-s21" -o "$data/$runs"
}

# `train_from_stage0 PARENT RUNNER CONFIG RUNS NAME` trains every stage after Stage 0 into $LALM_DATA/RUNS, from the
# newest finished Stage 0 of $LALM_DATA/PARENT (linked, not trained again), with the worktree RUNNER that made it;
# NAME (the curriculum, e.g. "curriculum 15") and PARENT's run.sh appear in the error when either is missing.
train_from_stage0() {
  local parent=$1 runner=$2 config=$3 runs=$4 name=$5
  local data="${LALM_DATA:-/work/lalm-data}" done_run
  export DJL_OFFLINE=true OPT_OUT_TRACKING=true
  done_run=$(grep -l '"finished"' "$data/$parent"/stage0-*/status.json 2>/dev/null | sort | tail -1 || true)
  if [ ! -d "$runner" ] || [ -z "$done_run" ]; then
    echo "$name needs the worktree $runner and a finished Stage 0 in $data/$parent: run that curriculum's run.sh first" >&2
    exit 2
  fi
  mkdir -p "$data/$runs"
  ls -d "$data/$runs"/stage0-* >/dev/null 2>&1 || ln -s "$(dirname "$done_run")" "$data/$runs/"
  cd "$runner"
  exec ./notmono train curriculum --config "$config" --data "$data/train-s21" -o "$data/$runs"
}
