#!/usr/bin/env bash
# dltop watch host:path follows a run on another machine through the system's ssh: a real sshd
# (Debian's openssh-server) on 127.0.0.1 with a generated host key and a throwaway authorised key,
# all under a temporary folder. The run grows while it is watched; the ssh connection is killed
# mid-run; every record must arrive exactly once. Needs no standard input; works as root.
source "$(dirname "$0")/lib.sh"

SSHD_BIN=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$SSHD_BIN" ]; then echo "  FAIL sshd not installed (apt-get install openssh-server)"; exit 1; fi
keys="$WORK/ssh"
mkdir -p "$keys" && chmod 700 "$keys"
ssh-keygen -q -t ed25519 -N '' -f "$keys/host_key" </dev/null
ssh-keygen -q -t ed25519 -N '' -f "$keys/client_key" </dev/null
cp "$keys/client_key.pub" "$keys/authorized_keys" && chmod 600 "$keys/authorized_keys"
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd   # sshd's privilege-separation folder, when root

# A spare port: the first of a few that nothing listens on.
port=""
for candidate in $(seq $((20000 + RANDOM % 20000)) 7 $((41000 + RANDOM % 20000)) | head -40); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$candidate) 2>/dev/null; then port=$candidate; break; fi
done
cat >"$keys/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $keys/host_key
AuthorizedKeysFile $keys/authorized_keys
PidFile $keys/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
CONF
"$SSHD_BIN" -f "$keys/sshd_config" -E "$keys/sshd.log" </dev/null
for _ in $(seq 50); do [ -s "$keys/sshd.pid" ] && break; sleep 0.1; done
sshd_pid=$(cat "$keys/sshd.pid" 2>/dev/null)
check "sshd started on 127.0.0.1:$port" test -n "$sshd_pid"
stop_sshd() { [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; }
trap 'stop_sshd; cleanup' EXIT
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$keys/host_key.pub")" >"$keys/known_hosts"
cat >"$keys/ssh_config" <<CONF
Host dltop-e2e
  HostName 127.0.0.1
  Port $port
  User $(id -un)
  IdentityFile $keys/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $keys/known_hosts
  StrictHostKeyChecking yes
Host dltop-e2e-closed
  HostName 127.0.0.1
  Port 1
  UserKnownHostsFile $keys/known_hosts
CONF
export DLTOP_SSH_COMMAND="ssh -F $keys/ssh_config"
check "sshd runs and accepts the throwaway key" ssh -F "$keys/ssh_config" -o BatchMode=yes dltop-e2e true </dev/null

# The "remote" run: JSON lines, 60 epochs. Epochs 0-4 exist before dltop starts; 5-29 are written
# while it watches; the writer then waits until the ssh connection was killed and writes 30-59,
# so the connection always drops mid-run, however slow the machine.
remote="$WORK/remote/run"
mkdir -p "$remote"
log="$remote/training.jsonl"
epoch_line() { awk -v e="$1" 'BEGIN { printf "{\"epoch\": %d, \"loss\": %.6f, \"val_loss\": %.6f}\n", e, 1 / (e + 1), 1.2 / (e + 1) }'; }
for e in 0 1 2 3 4; do epoch_line "$e" >>"$log"; done
wait_in_output() { # wait_in_output REGEX SECONDS
  local i
  for ((i = 0; i < $2 * 10; i++)); do grep -qE "$1" "$WORK/out.txt" 2>/dev/null && return 0; sleep 0.1; done
  echo "--- timed out waiting for /$1/ in the output:" >&2; cat "$WORK/out.txt" >&2; screen >&2; return 1
}

start_tmux 100 20 "sh -c 'echo \$\$ >$WORK/dltop.pid; exec \"$DLTOP\" watch dltop-e2e:$log --headless --interval 0.1 --mirror $WORK/mirror >$WORK/out.txt 2>&1'"
check "the run is read over ssh" wait_in_output '^epoch 4 ' 60
(for e in $(seq 5 29); do epoch_line "$e" >>"$log"; sleep 0.1; done
 for _ in $(seq 600); do [ -f "$WORK/killed" ] && break; sleep 0.1; done
 for e in $(seq 30 59); do epoch_line "$e" >>"$log"; sleep 0.05; done) &
writer=$!
check "epochs arrive over ssh while the run grows" wait_in_output '^epoch 20 ' 60
dltop_pid=$(cat "$WORK/dltop.pid")
ssh_pid=$(ps -o pid=,comm= --ppid "$dltop_pid" | awk '$2 == "ssh" { print $1 }' | head -1)
check "dltop runs the system's ssh" test -n "$ssh_pid"
[ -n "$ssh_pid" ] && kill -KILL "$ssh_pid"
touch "$WORK/killed"
wait "$writer"
check "the epochs written after the drop arrive" wait_in_output '^epoch 59 ' 90
send C-c
check "watch exits 0 on Ctrl-C" wait_for 'EXIT=0' 10
check "the dropped connection is reported" grep -q 'connection lost' "$WORK/out.txt"
check "dltop reconnected" grep -q 'reconnected to dltop-e2e' "$WORK/out.txt"
missing=""
for e in $(seq 0 59); do
  [ "$(grep -cE "^epoch $e " "$WORK/out.txt")" -eq 1 ] || missing="$missing $e"
done
check "every epoch appears exactly once (wrong:${missing:- none})" test -z "$missing"
check "the local copy equals the remote file byte for byte" cmp -s "$log" "$WORK/mirror/training.jsonl"
sed -n '1,3p;/connection lost/p;/reconnected/p' "$WORK/out.txt" | sed 's/^/    | /'


# diagnose host:path reads the finished run; its JSON names the remote source.
"$DLTOP" diagnose "dltop-e2e:$log" --json >"$WORK/diagnose.json" 2>"$WORK/diagnose.err" </dev/null
check "diagnose over ssh reads all 60 epochs" python3 -c "
import json, sys
d = json.load(open('$WORK/diagnose.json'))
sys.exit(0 if d['epochs'] == 60 and len(d['history']) == 60 and d['source'] == 'dltop-e2e:$log' else 1)"

# A failing ssh gives a clear message and a failure status.
"$DLTOP" watch dltop-e2e-closed:/tmp/x --headless >"$WORK/fail.txt" 2>&1 </dev/null
check "an unreachable host fails" test $? -ne 0
check "the message names ssh, the host and the reason" grep -qE 'ssh dltop-e2e-closed failed.*(refused|Connection)' "$WORK/fail.txt"
"$DLTOP" diagnose "dltop-e2e:$WORK/nowhere" >"$WORK/missing.txt" 2>&1 </dev/null
check "a missing remote path is named" grep -q "no such file or folder: $WORK/nowhere" "$WORK/missing.txt"

stop_sshd
for _ in $(seq 30); do kill -0 "$sshd_pid" 2>/dev/null || break; sleep 0.1; done
check "sshd is stopped by the test" bash -c "! kill -0 $sshd_pid 2>/dev/null"
finish
