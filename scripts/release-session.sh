# Sourced by the scripts that drive the release binary in tmux (hot-text.sh,
# wizard-memory.sh), from the repository's root. Sets:
# - bin: the binary's absolute path: POLICYWRIGHT_BIN if set (to measure another
#   build), else this checkout's release build, built now, wherever
#   CARGO_TARGET_DIR puts it;
# - work: a temporary folder, and socket: a tmux server of the script's own, both
#   removed when the script exits.
if [ -n "${POLICYWRIGHT_BIN:-}" ]; then
  bin="$POLICYWRIGHT_BIN"
else
  cargo build --release --quiet
  case "${CARGO_TARGET_DIR:-}" in
    /*) bin="$CARGO_TARGET_DIR/release/policywright" ;;
    ?*) bin="$PWD/$CARGO_TARGET_DIR/release/policywright" ;;
    *) bin="$PWD/target/release/policywright" ;;
  esac
fi
work=$(mktemp -d)
socket="policywright-$(basename "$0" .sh)-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# One session of the wizard, as the README's figures take it: copies ORIGINAL to
# EDITED and runs `PREFIX... $bin edit EDITED` (PREFIX: valgrind, GNU time, ...)
# in a 200x60 tmux pane with a data directory of its own (else the wizard would
# reopen the file where an earlier run left it, and the keys would edit nothing);
# after START seconds goes to the data section, adds a word to its note (saved),
# opens the review, goes back and quits, PAUSE seconds per key. Fails unless the
# wizard quit and the file changed.
# Usage: edit_session ORIGINAL EDITED START PAUSE PREFIX...
edit_session() {
  original=$1 edited=$2 start=$3 pause=$4
  shift 4
  cp "$original" "$edited"
  rm -rf "$work/data" "$work/done"
  tmux -L "$socket" new-session -d -s wizard -x 200 -y 60 -e XDG_DATA_HOME="$work/data" \
    "$* $bin edit $edited; touch $work/done"
  sleep "$start"
  for key in C-g "Down Down Enter" Tab Enter "End ' ok' Enter" C-r Escape; do
    eval tmux -L "$socket" send-keys -t wizard "$key"
    sleep "$pause"
  done
  # Quitting asks again only if something is unsaved.
  for attempt in 1 2; do
    tmux -L "$socket" send-keys -t wizard C-q 2>/dev/null || true
    i=0
    while [ ! -e "$work/done" ] && [ $i -lt 60 ]; do sleep 1; i=$((i + 1)); done
  done
  [ -e "$work/done" ] || { echo "the wizard did not quit" >&2; exit 1; }
  if cmp -s "$original" "$edited"; then
    echo "the wizard saved nothing: its keys did not land" >&2
    exit 1
  fi
}
