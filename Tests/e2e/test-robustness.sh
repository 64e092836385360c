#!/usr/bin/env bash
# Issue 15: nothing crashes, nothing is lost silently. Signals give 130/143 with the JSON still
# written, TERM=dumb runs headless, a full disk is reported and fails the run, a bad --run-dir is
# refused before training, bad data and logs get short messages, and malformed inputs stay in
# bounded memory.
source "$(dirname "$0")/lib.sh"
FIXTURES=$(cd "$(dirname "$0")/../DLTopEngineTests/Fixtures/malformed" && pwd)
APPEND=$(cd "$(dirname "$0")/../DLTopMonitorTests/Fixtures/keras-append" && pwd)
has() { grep -qE -- "$2" "$1"; }
json_is() { # FILE PYTHON-EXPRESSION-ON-d
  python3 -c "import json,sys; d=json.load(open('$1')); sys.exit(0 if ($2) else 1)"
}

# --- Signals: headless --json, SIGINT and SIGTERM.
for sig in INT TERM; do
  code=$([ $sig = INT ] && echo 130 || echo 143)
  # A fresh file: the last loop's one still holds epoch lines, and the wait below could read it
  # before the background job's redirection empties it (the kill then came before dltop started).
  rm -f "$WORK/sig.err"
  "$DLTOP" train --data digits --epochs 100000 --no-early-stop --headless --json --no-run-log \
    >"$WORK/sig.json" 2>"$WORK/sig.err" &
  pid=$!
  for _ in $(seq 600); do grep -q 'epoch' "$WORK/sig.err" 2>/dev/null && break; sleep 0.1; done
  kill -$sig $pid
  wait $pid
  status=$?
  check "SIG$sig during train --json exits $code (got $status)" test "$status" -eq "$code"
  check "SIG$sig: the JSON is still written, stop_reason interrupted" \
    json_is "$WORK/sig.json" "d['stop_reason'] == 'interrupted' and d['epochs_run'] >= 1 and not d['stopped_early']"
done

# --- Signals: the dashboard, SIGINT by Ctrl-C in tmux and SIGTERM by kill.
start_tmux 100 30 "$DLTOP" train --data digits --epochs 100000 --no-early-stop --no-run-log
check "dashboard up" wait_for '(RUNNING|PAUSED) +epoch' 60
send C-c
check "Ctrl-C in the dashboard exits 130" wait_for 'EXIT=130' 30
tmux kill-session -t "$SESSION"
start_tmux 100 30 "$DLTOP" train --data digits --epochs 100000 --no-early-stop --no-run-log
check "dashboard up again" wait_for '(RUNNING|PAUSED) +epoch' 60
pane_shell=$(tmux display-message -p -t "$SESSION" '#{pane_pid}')
kill -TERM "$(pgrep -P "$pane_shell" -f 'train --data digits' | head -1)"
check "SIGTERM to the dashboard exits 143" wait_for 'EXIT=143' 30
tmux kill-session -t "$SESSION"

# --- TERM=dumb: headless with a note, not a dashboard overprinted on one line.
E2E_TERM=dumb start_tmux 100 30 "$DLTOP" train --data iris --epochs 3 --no-run-log
check "TERM=dumb runs headless and says why" wait_for 'TERM=dumb: this terminal cannot move the cursor' 60
check "TERM=dumb prints epoch lines and exits 0" wait_for 'EXIT=0' 60
check "TERM=dumb: no dashboard frame" bash -c "! tmux capture-pane -p -t '$SESSION' | grep -q 'RUNNING'"
tmux kill-session -t "$SESSION"

# --- A full disk: every failed write said at once, the run goes on, non-zero exit, whole lines.
mkdir -p "$WORK/full"
if mount -t tmpfs -o size=40k tmpfs "$WORK/full" 2>"$WORK/mount.err"; then
  "$DLTOP" train --data digits --epochs 200 --no-early-stop --headless --run-dir "$WORK/full/r" \
    >"$WORK/full.out" 2>"$WORK/full.err"
  status=$?
  check "full disk: exit status non-zero (got $status)" test "$status" -ne 0
  check "full disk: the failed writes are reported as they happen" has "$WORK/full.out" 'run log: epoch [0-9]+ not written: No space left on device'
  check "full disk: the run went on to epoch 200" has "$WORK/full.out" 'epoch +200/200'
  check "full disk: the final error names the incomplete log" has "$WORK/full.err" 'run log .*incomplete'
  check "full disk: every line of the log is whole JSON" python3 -c "
import json, sys
lines = open('$WORK/full/r/run.jsonl', 'rb').read().split(b'\n')
assert lines[-1] == b'', 'the log ends in a half line'
for line in lines[:-1]: json.loads(line.replace(b'NaN', b'null').replace(b'Infinity', b'1e999'))
"
  umount "$WORK/full"
else
  echo "  skip full-disk test: mount -t tmpfs is not permitted here ($(head -1 "$WORK/mount.err"))"
fi

# --- --run-dir: refused before training starts, in words.
touch "$WORK/afile"
mkdir -p "$WORK/used" && echo '{}' >"$WORK/used/run.jsonl"
for case in "$WORK/afile|is a file" "$WORK/afile/below|'$WORK/afile' is a file, not a folder" "$WORK/used|already holds a run log"; do
  dir=${case%%|*}
  pattern=${case#*|}
  "$DLTOP" train --data iris --epochs 2 --headless --run-dir "$dir" >"$WORK/rd.out" 2>"$WORK/rd.err"
  status=$?
  check "--run-dir $dir refused (exit $status): $(head -1 "$WORK/rd.err")" \
    bash -c "[ $status -ne 0 ] && grep -qF -- \"$pattern\" '$WORK/rd.err' && ! grep -q 'epoch' '$WORK/rd.out' && ! grep -q NSCocoa '$WORK/rd.err'"
done

# --- Flags and data files.
err() { "$DLTOP" "$@" 2>&1 >/dev/null | head -1; }
expect() { # DESCRIPTION PATTERN ARGS…
  local what=$1 pattern=$2; shift 2
  local line
  line=$(err "$@")
  check "$what: '$line'" bash -c "printf '%s' \"\$1\" | grep -qE -- \"\$2\"" _ "$line" "$pattern"
}
expect "--lr -1 is taken as a value and refused as negative" '--lr: the learning rate must be a positive number, got -1' \
  train --data iris --lr -1 --headless --no-run-log
expect "--split 90:20 is refused" "--split.*'90:20' adds up to 110" train --data iris --split 90:20 --headless --no-run-log
expect "a UTF-16 CSV names its encoding" 'utf16.csv:1: .*UTF-16 little-endian' train --data "$FIXTURES/utf16.csv" --headless --no-run-log
expect "a binary file as CSV says it is not text" 'garbage.csv:1: .*not a UTF-8 text CSV' train --data "$FIXTURES/garbage.csv" --headless --no-run-log
expect "a label-only CSV says there are no feature columns" 'no feature columns' train --data "$FIXTURES/label-only.csv" --headless --no-run-log
expect "a '|' CSV asks about the delimiter" "is the delimiter '\\|'" train --data "$FIXTURES/pipe.csv" --headless --no-run-log
expect "IDX images of 0x0 pixels blame the header" "column 'rows'.*0x0 pixels" train --data "$FIXTURES/idx-zero-size" --headless --no-run-log
expect "an IDX label of 200 is refused" 'label\[7\] = 200' train --data "$FIXTURES/idx-label-200" --headless --no-run-log
expect "IDX labels all 0 are one class" 'at least two classes' train --data "$FIXTURES/idx-labels-all-0" --headless --no-run-log
"$DLTOP" train --data "$FIXTURES/semicolon.csv" --epochs 2 --headless --json --no-run-log >"$WORK/semi.json" 2>/dev/null
check "a ';' CSV trains with its four features" json_is "$WORK/semi.json" "d['epochs_run'] == 2 and len(d['classes']) == 3"
{ head -n 1 "$FIXTURES/../../../../sample-data/iris.csv"; sed -n '2,151p' "$FIXTURES/../../../../sample-data/iris.csv" | awk 'NR % 25 == 0 { $0 = "x,1,1,1,setosa" } { print }'; } >"$WORK/noisy.csv"
"$DLTOP" train --data "$WORK/noisy.csv" --skip-bad-rows --epochs 2 --headless --no-run-log >"$WORK/noisy.out" 2>&1
check "--skip-bad-rows trains and reports count and lines" has "$WORK/noisy.out" 'warning: skipped 6 bad rows of .*noisy.csv \(lines 26, 51, 76, 101, 126, …'
expect "without --skip-bad-rows the first bad row stops it" "noisy.csv:26: column" train --data "$WORK/noisy.csv" --headless --no-run-log

# --- Monitors and empty logs.
expect "--early-stop monitor=foo lists the metrics" "--early-stop: unknown metric 'foo' to monitor; this run has loss, val_loss, accuracy, val_accuracy" \
  train --data iris --early-stop monitor=foo --headless --no-run-log
cp "$APPEND/two-runs.csv" "$WORK/log.csv"
expect "diagnose --monitor foo lists the log's metrics" "--monitor: unknown metric 'foo'.*loss, val_loss, accuracy, val_accuracy" diagnose "$WORK/log.csv" --monitor foo
printf 'epoch,accuracy,loss,val_accuracy,val_loss\n' >"$WORK/header-only.csv"
expect "a header-only log has no epochs" 'header-only.csv: no epochs in this log' diagnose "$WORK/header-only.csv"
"$DLTOP" diagnose "$WORK/header-only.csv" >/dev/null 2>&1
check "and exits non-zero" test $? -ne 0
mkdir -p "$WORK/tb"
python3 - "$(dirname "$0")/../DLTopMonitorTests/Fixtures/watch/tf2" "$WORK/tb/events.out.tfevents.1.noscalars" <<'PY'
import glob, struct, sys
data = open(glob.glob(sys.argv[1] + "/events.out.tfevents.*")[0], "rb").read()
length = struct.unpack("<Q", data[:8])[0]
open(sys.argv[2], "wb").write(data[:12 + length + 4])  # the file_version record only
PY
expect "a TensorBoard file with no scalars has no epochs" 'no epochs in this log' diagnose "$WORK/tb/events.out.tfevents.1.noscalars"

# --- Keras CSVLogger(append=True): two runs, or a resumed one, said so and never mixed.
"$DLTOP" diagnose "$APPEND/two-runs.csv" --json >"$WORK/two.json" 2>"$WORK/two.err"
check "two appended runs: said so" has "$WORK/two.err" 'epochs restart at 0 after epoch 2: another run was appended'
check "two appended runs: only the last run's 2 epochs are diagnosed" json_is "$WORK/two.json" "d['epochs'] == 2"
"$DLTOP" diagnose "$APPEND/resumed.csv" --json >"$WORK/res.json" 2>"$WORK/res.err"
check "a resumed run: said so" has "$WORK/res.err" 'epochs go back to 2 after epoch 3: a resumed run'
check "a resumed run: epochs 0-4 once each" json_is "$WORK/res.json" "d['epochs'] == 5"

# --- Peak memory of every malformed input stays under 100 MB (GNU time's maximum resident set).
peak_kb() { /usr/bin/time -f '%M' -o "$WORK/time.txt" "$@" >/dev/null 2>&1; tail -1 "$WORK/time.txt"; }
mkdir -p "$WORK/cut10" "$WORK/cut50"
fashion=/usr/share/datasets/fashion-mnist
for part in 10 50; do
  size=$(stat -c %s "$fashion/train-images-idx3-ubyte.gz")
  head -c $((size * part / 100)) "$fashion/train-images-idx3-ubyte.gz" >"$WORK/cut$part/train-images-idx3-ubyte.gz"
  cp "$fashion/train-labels-idx1-ubyte.gz" "$WORK/cut$part/"
done
inputs=("$WORK/cut10" "$WORK/cut50" "$FIXTURES"/*.csv "$FIXTURES"/idx-*)
for input in "${inputs[@]}"; do
  kb=$(peak_kb "$DLTOP" train --data "$input" --epochs 1 --headless --no-run-log)
  check "peak memory for $(basename "$input"): ${kb} kB < 100 MB" test "$kb" -lt 102400
done
"$DLTOP" train --data "$WORK/cut10" --headless --no-run-log 2>"$WORK/cut.err" >/dev/null
check "a cut IDX gzip says it ends early: $(head -1 "$WORK/cut.err")" has "$WORK/cut.err" 'ends early|truncated'
finish
