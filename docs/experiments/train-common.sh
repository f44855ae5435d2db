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
