/// The POSIX shell program `RemoteMirror` runs on the remote machine through `ssh`.
///
/// Arguments: the root (a file or a folder), the poll interval in seconds, `1` to stop after one
/// pass (for `dltop diagnose`), and the state the local copy already holds: lines
/// `size mtime path`, one per file. Every pass it lists the log files under the root (GNU `find
/// -printf`, present on every Linux) and sends, as frames on standard output,
/// - `A offset count mtime path\n` + `count` bytes: bytes appended to an append-only log since
///   `offset` (event files, CSV, JSON lines, `.wandb`, MLflow metric files);
/// - `W 0 count mtime path\n` + `count` bytes: the whole file, for files rewritten in place
///   (`.db`, `-wal`, `.json`, `.yaml`) when their size or time changed, and for a log that shrank;
/// - `T\n` at the end of each pass; `R d root\n` (a folder) or `R f root\n` (a file) once, with `~`
///   expanded; `X message\n` on a fatal problem.
/// Each chunk is first copied to a temporary file and its real length sent, so a file that changes
/// while it is read can never desynchronize the stream. The temporary folder is removed on exit,
/// also when the connection drops (SIGHUP).
enum RemoteMirrorScript {
  static let source = #"""
    root=$1; interval=$2; once=$3; initial=$4
    case $root in "~") root=$HOME;; "~/"*) root="$HOME/${root#\~/}";; "") root=$HOME;; esac
    tmp=$(mktemp -d 2>/dev/null || mktemp -d -t dltop) || { echo "X cannot make a temporary folder"; exit 70; }
    trap 'rm -rf "$tmp"' EXIT
    trap 'exit 129' HUP INT TERM PIPE
    printf '%s\n' "$initial" | grep -v '^$' > "$tmp/state"
    [ -e "$root" ] || { echo "X no such file or folder: $root"; exit 66; }
    if [ -d "$root" ]; then echo "R d $root"; else echo "R f $root"; fi
    while :; do
      if [ -d "$root" ]; then
        find "$root" -name '.*' ! -path "$root" -prune -o -type f \( -name '*.csv' -o -name '*.jsonl' \
          -o -name '*.ndjson' -o -name '*.json' -o -name '*.log' -o -name '*.wandb' -o -name '*.db' \
          -o -name '*.db-wal' -o -name '*.sqlite' -o -name 'events.out.tfevents.*' -o -name meta.yaml \
          -o -path '*/metrics/*' -o -path '*/params/*' \) -printf '%s %T@ %p\n' > "$tmp/list" 2>/dev/null \
          || { echo "X find failed (the remote machine needs GNU find)"; exit 69; }
      else
        find "$root" -printf '%s %T@ %p\n' > "$tmp/list" 2>/dev/null \
          || { echo "X find failed (the remote machine needs GNU find)"; exit 69; }
      fi
      awk 'FILENAME == ARGV[1] { p = substr($0, length($1) + length($2) + 3); size[p] = $1; time[p] = $2; next }
        { p = substr($0, length($1) + length($2) + 3); s = $1; m = $2
          known = (p in size); os = known ? size[p] : 0
          whole = (p ~ /(\.db|\.db-wal|\.sqlite|\.json|\.yaml)$/)
          if (whole) { if (!known || os != s || time[p] != m) print "W 0 " s " " m " " p; else print "K " os " 0 " m " " p }
          else if (!known) print "A 0 " s " " m " " p
          else if (s + 0 > os + 0) print "A " os " " (s - os) " " m " " p
          else if (s + 0 < os + 0) print "W 0 " s " " m " " p
          else print "K " os " 0 " m " " p }' "$tmp/state" "$tmp/list" > "$tmp/work"
      : > "$tmp/next"
      while IFS=' ' read -r kind off count mtime path; do
        if [ "$kind" = K ]; then printf '%s %s %s\n' "$off" "$mtime" "$path" >> "$tmp/next"; continue; fi
        if [ "$kind" = A ]; then
          tail -c +$((off + 1)) "$path" 2>/dev/null | head -c "$count" > "$tmp/chunk"
        else
          head -c "$count" "$path" > "$tmp/chunk" 2>/dev/null
        fi
        n=$(wc -c < "$tmp/chunk" | tr -d ' ')
        printf '%s %s %s %s %s\n' "$kind" "$off" "$n" "$mtime" "$path"
        cat "$tmp/chunk"
        printf '%s %s %s\n' "$((off + n))" "$mtime" "$path" >> "$tmp/next"
      done < "$tmp/work"
      mv "$tmp/next" "$tmp/state"
      echo T
      [ "$once" = 1 ] && exit 0
      sleep "$interval"
    done
    """#
}
