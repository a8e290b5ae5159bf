#!/bin/sh
# The wizard's peak memory on a large policy, as the README quotes it (issue 17):
# `policywright edit` on FILE (default: the 2,000/5,000 file of
# tests/common/large.rs) in a 200x60 tmux pane, going to the data section, adding
# a word to its note (saved), opening the review and quitting; the peak resident
# set size from GNU time, RUNS times (default 3).
#
# Each run has a data directory of its own, so the wizard does not reopen the file
# at the question an earlier run left it on (its keys would then edit nothing),
# and each run is checked to have changed the file.
#
# Usage: scripts/wizard-memory.sh [FILE] [RUNS]. Needs tmux and GNU time. The
# release build of this checkout is measured, or POLICYWRIGHT_BIN (an absolute
# path) to compare another build.
set -eu
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "wizard-memory.sh needs tmux" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "wizard-memory.sh needs GNU time (/usr/bin/time)" >&2; exit 2; }
if [ -n "${POLICYWRIGHT_BIN:-}" ]; then
  bin="$POLICYWRIGHT_BIN"
else
  cargo build --release --quiet
  bin="$PWD/target/release/policywright"
  case "${CARGO_TARGET_DIR:-}" in
    /*) bin="$CARGO_TARGET_DIR/release/policywright" ;;
    ?*) bin="$PWD/$CARGO_TARGET_DIR/release/policywright" ;;
  esac
fi
work=$(mktemp -d)
socket="policywright-memory-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "${1:-}" ]; then
  cp "$1" "$work/original.json"
else
  cargo run --release --quiet --example large -- 2000 5000 >"$work/original.json"
fi
runs="${2:-3}"
keys() { tmux -L "$socket" send-keys -t m "$@"; sleep "$pause"; }
run=1
while [ "$run" -le "$runs" ]; do
  cp "$work/original.json" "$work/policy.json"
  rm -rf "$work/data" "$work/done"
  tmux -L "$socket" new-session -d -s m -x 200 -y 60 -e XDG_DATA_HOME="$work/data" \
    "/usr/bin/time -f %M -o $work/peak $bin edit $work/policy.json; touch $work/done"
  pause=1
  sleep 3
  keys C-g
  pause=1.5
  keys Down Down Enter
  pause=0.5
  keys Tab
  keys Enter
  pause=2
  keys End " ok" Enter
  keys C-r
  pause=1
  keys Escape
  for attempt in 1 2; do
    tmux -L "$socket" send-keys -t m C-q 2>/dev/null || true
    i=0
    while [ ! -e "$work/done" ] && [ $i -lt 20 ]; do sleep 0.5; i=$((i + 1)); done
  done
  [ -e "$work/done" ] || { echo "run $run: the wizard did not quit" >&2; exit 1; }
  if cmp -s "$work/original.json" "$work/policy.json"; then
    echo "run $run: the wizard saved nothing, so its keys did not land" >&2
    exit 1
  fi
  echo "run $run: peak $(awk '{ printf "%.2f MB", $1 / 1024 }' "$work/peak")"
  run=$((run + 1))
done
