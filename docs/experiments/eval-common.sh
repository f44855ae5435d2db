# Sourced by a curriculum's eval.sh after it sets `runs` (its run folder) and `runner` (the worktree
# whose code answers): `last K` names the newest stage-K run's last checkpoint, `ask ...` runs
# `bench asa` on the held-out benchmark from the worktree. LALM_DATA defaults to /work/lalm-data.
data="${LALM_DATA:-/work/lalm-data}"
bench="$data/asa2-s100000"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
last() { local run; run=$(ls -d "$runs"/stage"$1"-* | sort | tail -1); echo "$run/checkpoints/$(ls "$run/checkpoints" | sort -t- -k2 -n | tail -1)"; }
ask() { ./notmono bench asa --benchmark "$bench" "$@"; }
cd "$runner"
