# Sourced by a curriculum's eval.sh after it sets `runs` (its run folder) and `runner` (the worktree
# whose code answers): `last K` names the newest stage-K run's last checkpoint, `ask ...` runs
# `bench asa` on the held-out benchmark from the worktree. LALM_DATA defaults to /work/lalm-data;
# BENCHMARK (default asa2-s100000, the test benchmark) names the benchmark folder in it: asa2-s200000
# is the validation benchmark that chooses between recipes (docs/decisions/0014).
data="${LALM_DATA:-/work/lalm-data}"
bench="$data/${BENCHMARK:-asa2-s100000}"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
last() { local run; run=$(ls -d "$runs"/stage"$1"-* | sort | tail -1); echo "$run/checkpoints/$(ls "$run/checkpoints" | sort -t- -k2 -n | tail -1)"; }
ask() { ./notmono bench asa --benchmark "$bench" "$@"; }
cd "$runner"
# `evaluate PREFIX SET...` scores one answerer set after another, its answers in answers/PREFIX-*:
# stage4, text-only and held-out (Stage 4: the LALM, its audio removed, held-out phrasings), stage3,
# text-only-stage3, stage2, truth-text and truth (Stage 0 reading the scene's truth as text, or hearing
# it through the projector).
evaluate() {
  local prefix=$1 w; shift
  for w in "$@"; do
    case "$w" in
      stage4) ask --answerer lalm --checkpoint "$(last 4)" --name "$prefix-lalm-stage4" ;;
      text-only) ask --answerer text-only --checkpoint "$(last 4)" --name "$prefix-text-only-stage4" ;;
      held-out) ask --answerer lalm --checkpoint "$(last 4)" --phrasings held-out --name "$prefix-lalm-stage4-held-out" ;;
      stage3) ask --answerer lalm --checkpoint "$(last 3)" --name "$prefix-lalm-stage3" ;;
      text-only-stage3) ask --answerer text-only --checkpoint "$(last 3)" --name "$prefix-text-only-stage3" ;;
      stage2) ask --answerer lalm --checkpoint "$(last 2)" --name "$prefix-lalm-stage2" ;;
      truth-text) ask --answerer lalm-truth-text --checkpoint "$(last 0)" --name "$prefix-lalm-truth-text-stage0" ;;
      truth) ask --answerer lalm-truth --checkpoint "$(last 0)" --name "$prefix-lalm-truth-stage0" ;;
      *) echo "eval.sh: unknown answerer set '$w' (stage4, text-only, held-out, stage3, text-only-stage3, stage2, truth-text or truth)" >&2
         exit 2 ;;
    esac
  done
}
