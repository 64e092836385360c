#!/usr/bin/env bash
# The run log survives SIGKILL: every completed epoch reads back, and `dltop diagnose` accepts it.
source "$(dirname "$0")/lib.sh"

"$DLTOP" train --data digits --epochs 100000 --batch 32 --no-early-stop --headless --run-dir "$WORK/run" \
  >"$WORK/stdout.txt" 2>"$WORK/stderr.txt" &
pid=$!
epochs_in_log() { grep -c '"type":"epoch"' "$WORK/run/run.jsonl" 2>/dev/null || echo 0; }
for _ in $(seq 1 300); do [ "$(epochs_in_log)" -ge 5 ] && break; sleep 0.1; done
kill -9 "$pid"
wait "$pid" 2>/dev/null
printed=$(grep -cE '^epoch [0-9]+/' "$WORK/stdout.txt")
logged=$(epochs_in_log)
check "the run log holds epochs ($logged)" test "$logged" -ge 5
check "every epoch printed before SIGKILL is in the log ($printed ≤ $logged)" test "$printed" -le "$logged"
check "epochs are numbered 1..$logged without gaps" python3 - "$WORK/run/run.jsonl" "$logged" <<'PY'
import json, sys
epochs = [json.loads(l)["epoch"] for l in open(sys.argv[1]) if '"type":"epoch"' in l]
sys.exit(0 if epochs == list(range(1, int(sys.argv[2]) + 1)) else 1)
PY
"$DLTOP" diagnose "$WORK/run" --json >"$WORK/diagnose.json" 2>"$WORK/diagnose.err"
check "dltop diagnose accepts the killed run's log" test $? -eq 0
check "diagnose reads back every completed epoch" python3 - "$WORK/diagnose.json" "$logged" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["epochs"] == int(sys.argv[2]) and d["format"] == "dltop-runlog" and d["verdict"] else 1)
PY

# --snapshot-on-exit from a headless run: the folder lands in the run folder with every file.
(cd "$WORK" && "$DLTOP" train --data iris --epochs 3 --headless --run-dir "$WORK/run2" --snapshot-on-exit >"$WORK/exit.txt" 2>&1)
snapshot=$(ls -d "$WORK"/run2/snapshot-* 2>/dev/null | head -1)
check "--snapshot-on-exit writes a snapshot folder ($snapshot)" test -d "$snapshot"
check "its screen.txt is the final dashboard" grep -q '^FINISHED' "$snapshot/screen.txt"
check "its metrics.csv has the 3 epochs" test "$(grep -cE '^[0-9]+,' "$snapshot/metrics.csv")" -eq 3
check "the headless output says where it went" grep -q 'snapshot written to' "$WORK/exit.txt"
finish
