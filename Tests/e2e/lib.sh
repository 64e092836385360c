#!/usr/bin/env bash
# Helpers for end-to-end tests that drive the real dltop binary inside tmux.
# Each test script sources this file, gets the binary as $DLTOP, and calls pass/fail.
set -uo pipefail
DLTOP=${DLTOP:?set DLTOP to the dltop binary}
SESSION="dltop-e2e-$$-$RANDOM"
WORK=$(mktemp -d)
export OPENBLAS_NUM_THREADS=1
cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# start_tmux WIDTH HEIGHT COMMAND…: runs COMMAND in a new detached session; afterwards the pane
# shows EXIT=<status> and stays open so the test can read it.
start_tmux() {
  local w=$1 h=$2; shift 2
  tmux new-session -d -s "$SESSION" -x "$w" -y "$h" \
    "cd '$WORK' && TERM=${E2E_TERM:-xterm-256color} $* ; echo EXIT=\$?; sleep 30"
}
screen() { tmux capture-pane -p -t "$SESSION"; }
send() { tmux send-keys -t "$SESSION" "$@"; }
resize() { tmux resize-window -t "$SESSION" -x "$1" -y "$2"; }

# wait_for REGEX [SECONDS]: polls the screen until REGEX matches (extended grep).
wait_for() {
  local pattern=$1 limit=${2:-60} i
  for ((i = 0; i < limit * 10; i++)); do
    if screen | grep -qE -- "$pattern"; then return 0; fi
    sleep 0.1
  done
  echo "--- timed out after ${limit}s waiting for /$pattern/; screen was:" >&2
  screen >&2
  return 1
}

# wait_gone REGEX [SECONDS]: polls the screen until REGEX no longer matches.
wait_gone() {
  local pattern=$1 limit=${2:-10} i
  for ((i = 0; i < limit * 10; i++)); do
    if ! screen | grep -qE -- "$pattern"; then return 0; fi
    sleep 0.1
  done
  echo "--- still showing /$pattern/ after ${limit}s" >&2
  return 1
}

FAILURES=0
CHECKS=0
check() { # check DESCRIPTION COMMAND…: runs COMMAND, records the outcome
  local what=$1; shift
  CHECKS=$((CHECKS + 1))
  if "$@"; then echo "  ok   $what"; else echo "  FAIL $what"; FAILURES=$((FAILURES + 1)); fi
}
finish() { [ "$FAILURES" -eq 0 ]; exit $?; }
