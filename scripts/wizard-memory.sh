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
file="${1:-}"
case "$file" in /* | "") ;; *) file="$PWD/$file" ;; esac
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "wizard-memory.sh needs tmux" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "wizard-memory.sh needs GNU time (/usr/bin/time)" >&2; exit 2; }
. scripts/release-session.sh
if [ -n "$file" ]; then
  cp "$file" "$work/original.json"
else
  cargo run --release --quiet --example large -- 2000 5000 >"$work/original.json"
fi
runs="${2:-3}"
run=1
while [ "$run" -le "$runs" ]; do
  edit_session "$work/original.json" "$work/policy.json" 3 1.5 /usr/bin/time -f %M -o "$work/peak"
  echo "run $run: peak $(awk '{ printf "%.2f MB", $1 / 1024 }' "$work/peak")"
  run=$((run + 1))
done
