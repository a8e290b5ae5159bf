#!/bin/sh
# The quick start's cost to the operator, per sample product (issue 14): runs the
# PTY test that drives `policywright new` on each sample in tests/fixtures/quickstart/
# and prints, per sample, the answers typed, the characters typed and the keys
# pressed in all (typed characters included), as the README quotes them.
set -eu
cd "$(dirname "$0")/.."
figures=$(mktemp)
trap 'rm -f "$figures"' EXIT
QUICKSTART_FIGURES="$figures" cargo test --quiet --test e2e_quickstart -- --test-threads=1 >/dev/null
echo "| sample | typed answers | typed characters | keys in all |"
echo "|---|---|---|---|"
sort "$figures"
