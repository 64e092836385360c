#!/usr/bin/env bash
# Fails when a target imports what DESIGN.md forbids (SwiftPM lets a target import its
# dependencies' dependencies, so the compiler does not catch this).
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
forbid() { # folder, regex, message, [excluded file]
  local hits
  hits=$(grep -rnE "^\s*(@testable\s+)?import\s+($2)\b" "$1" ${4:+--exclude="$4"} 2>/dev/null)
  if [ -n "$hits" ]; then echo "forbidden import ($3):"; echo "$hits"; status=1; fi
}
forbid Sources/DLTopEngine 'DLTopMonitor|DLTopTUI|CNcursesw|Dispatch|Synchronization' "the engine stays synchronous and knows no monitor or UI"
forbid Sources/DLTopMonitor 'DLTopEngine|DLTopTUI|CNcursesw|CBLAS' "the monitor must work the same on a Keras log"
forbid Sources/DLTopTUI 'DLTopEngine|CBLAS' "the dashboard sees snapshots only"
forbid Sources/DLTopTUI 'CNcursesw' "only CursesBackend.swift touches ncurses" CursesBackend.swift
forbid Sources/DLTopMonitor 'CSQLite' "only SQLiteDatabase.swift touches SQLite" SQLiteDatabase.swift
[ $status -eq 0 ] && echo "imports: dependency direction respected"
exit $status
