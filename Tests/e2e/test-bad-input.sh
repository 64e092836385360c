#!/usr/bin/env bash
# Bad flags, bad files and tiny terminals get one clear line naming what is wrong.
source "$(dirname "$0")/lib.sh"

err() { # the first line of stderr; train runs get --headless --no-run-log
  if [ "$1" = train ]; then "$DLTOP" "$@" --headless --no-run-log 2>&1 >/dev/null | head -1
  else "$DLTOP" "$@" 2>&1 >/dev/null | head -1; fi
}
expect_error() { # DESCRIPTION PATTERN ARGS…
  local what=$1 pattern=$2; shift 2
  local line
  line=$(err "$@")
  check "$what: '$line'" bash -c "printf '%s' \"\$1\" | grep -qE -- \"\$2\"" _ "$line" "$pattern"
}
expect_error "bad --model names the flag and the accepted forms" '--model.*accepted: linear, mlp' train --model mlp:x
expect_error "bad --optimizer lists the optimizers" '--optimizer.*sgd\|momentum\|adagrad\|rmsprop\|adam' train --optimizer adamw
expect_error "bad --batch" "--batch: 'zero'.*'full'" train --batch zero
expect_error "bad --schedule key" '--schedule.*every' train --schedule step:every=x
expect_error "bad --early-stop key" "--early-stop: 'patiense': unknown key" train --early-stop patiense=3
expect_error "unknown data set lists the known ones" "--data: unknown data set 'nosuch'; known: fashion-mnist" train --data nosuch
printf 'a,b,label\n1,2,x\n3,oops,y\n' >"$WORK/bad.csv"
expect_error "malformed CSV names file, line and column" "bad.csv:3: column 'b'" train --data "$WORK/bad.csv"
"$DLTOP" train --model mlp:x --headless >/dev/null 2>&1
check "a bad flag exits non-zero" test $? -ne 0
printf 'epoch,loss,val_loss\n0,1.0,1.1\n1,NaN,NaN\n' >"$WORK/nan.csv"
"$DLTOP" diagnose "$WORK/nan.csv" --json >"$WORK/nan.json" 2>"$WORK/nan.err"
check "a NaN loss is a diagnosis, not a crash" grep -q '"verdict":"divergence"' "$WORK/nan.json"
expect_error "diagnose of a missing file" 'nofile.csv: no such file' diagnose "$WORK/nofile.csv"

# A run whose learning rate is far too large: NaN becomes the 'diverged' status, exit 0.
(cd "$WORK" && "$DLTOP" train --data digits --optimizer sgd --lr 1e6 --epochs 5 --headless --json --no-run-log >"$WORK/div.json" 2>/dev/null)
check "a diverging run exits 0 and says so" python3 -c "import json,sys; d=json.load(open('$WORK/div.json')); sys.exit(0 if d['diverged'] and d['verdict'] == 'divergence' else 1)"

# Terminals: each TERM the dashboard promises, and a terminal too small from the start.
for term in vt100 xterm screen tmux-256color linux; do
  E2E_TERM=$term start_tmux 80 24 "$DLTOP" train --data digits --epochs 100000 --no-early-stop --no-run-log
  check "TERM=$term draws the dashboard" wait_for '(RUNNING|PAUSED) +epoch' 60
  send q
  send y
  check "TERM=$term quits cleanly" wait_for 'EXIT=0' 30
  tmux kill-session -t "$SESSION"
done
start_tmux 30 8 "$DLTOP" train --data digits --epochs 100000 --no-early-stop --no-run-log
check "a tiny terminal says what it needs" wait_for 'too small' 30
send q
send y
check "and still quits with status 0" wait_for 'EXIT=0' 30
finish
