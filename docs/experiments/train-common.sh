# Sourced by a curriculum's run.sh; the functions below train it in a clone of this repository at a given commit.

# `clone_at COMMIT RUNNER` makes RUNNER, a clone of this repository at COMMIT, when it is missing, and refuses one at
# another commit. A clone, not `git worktree add`: in a linked worktree the build records the main checkout's HEAD as the commit
# (git-commit-id-maven-plugin 9.0.2, its issue #882), so run configs and model.json would name the wrong code.
clone_at() {
  local commit=$1 runner=$2
  if [ ! -d "$runner" ]; then
    git clone -q "$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)" "$runner"
    git -C "$runner" checkout -q --detach "$commit"
  fi
  # a runner left from an earlier pin would train the wrong code without a word
  if [ "$(git -C "$runner" rev-parse HEAD)" != "$(git -C "$runner" rev-parse "$commit^{commit}")" ]; then
    echo "$runner is at $(git -C "$runner" rev-parse --short HEAD), not $commit: check it out there or remove it" >&2
    exit 2
  fi
}

# `train_in_clone COMMIT RUNNER CONFIG RUNS` makes RUNNER, a clone of this
# repository at COMMIT, when it is missing, the training scenes and the held-out benchmark when they are missing, then runs
# `train curriculum --config CONFIG` into $LALM_DATA/RUNS (resuming where it stopped). LALM_DATA defaults to /work/lalm-data;
# TRAIN_SCENES (default 3,000, in train-s21; any other count N in train-s21-N) how many scenes of seed 21 it trains on.
train_in_clone() {
  local commit=$1 runner=$2 config=$3 runs=$4
  local data="${LALM_DATA:-/work/lalm-data}" scenes="${TRAIN_SCENES:-3000}"
  local train="$data/train-s21"
  [ "$scenes" = 3000 ] || train="$data/train-s21-$scenes"
  export DJL_OFFLINE=true OPT_OUT_TRACKING=true
  clone_at "$commit" "$runner"
  cd "$runner"
  ./notmono dataset --seed 21 --count "$scenes" -o "$train"   # resumes, or finds it complete
  [ -f "$data/asa2-s100000/benchmark.json" ] || ./notmono benchmark build --seed 100000 -o "$data/asa2-s100000"
  exec ./notmono train curriculum --config "$config" --data "$train" -o "$data/$runs"
}

# `train_from PARENT RUNNER CONFIG RUNS NAME STAGE...` trains the stages after the given ones into $LALM_DATA/RUNS, from the
# newest finished run of each given stage (0, or 0 and 2) of $LALM_DATA/PARENT (linked, not trained again), with the
# worktree RUNNER that made them; NAME (the curriculum, e.g. "curriculum 15") and PARENT's run.sh appear in the error
# when either is missing. TRAIN_DATA (default train-s21) names the training scenes' folder in $LALM_DATA.
train_from() {
  local parent=$1 runner=$2 config=$3 runs=$4 name=$5 stage done_run
  shift 5
  local data="${LALM_DATA:-/work/lalm-data}"
  export DJL_OFFLINE=true OPT_OUT_TRACKING=true
  for stage in "$@"; do
    done_run=$(grep -l '"finished"' "$data/$parent"/stage"$stage"-*/status.json 2>/dev/null | sort | tail -1 || true)
    if [ ! -d "$runner" ] || [ -z "$done_run" ]; then
      echo "$name needs the worktree $runner and a finished Stage $stage in $data/$parent: run that curriculum's run.sh first" >&2
      exit 2
    fi
    mkdir -p "$data/$runs"
    ls -d "$data/$runs"/stage"$stage"-* >/dev/null 2>&1 || ln -s "$(dirname "$done_run")" "$data/$runs/"
  done
  cd "$runner"
  exec ./notmono train curriculum --config "$config" --data "$data/${TRAIN_DATA:-train-s21}" -o "$data/$runs"
}

# `train_from_clone COMMIT RUNNER PARENT CONFIG RUNS NAME STAGE...`: train_from in RUNNER, cloned at COMMIT when missing.
train_from_clone() {
  local commit=$1 runner=$2 parent=$3
  shift 3
  clone_at "$commit" "$runner"
  train_from "$parent" "$runner" "$@"
}
