#!/usr/bin/env bash
# Fails when a target imports what DESIGN.md / ARCHITECTURE.md forbid (SwiftPM lets a target
# import its dependencies' dependencies, so the compiler does not catch this). Every form of
# import counts: `@testable import M`, `@preconcurrency import M`, `import struct M.Name`.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
# An import line of module $1 (an alternation), in any of its forms.
import_of() { printf '^\\s*(@\\w+\\s+)*import\\s+((typealias|struct|class|enum|protocol|let|var|func)\\s+)?(%s)\\b' "$1"; }
forbid() { # folder, module regex, message, [excluded file]
  local hits
  hits=$(grep -rnE "$(import_of "$2")" "$1" --include='*.swift' ${4:+--exclude="$4"} 2>/dev/null)
  if [ -n "$hits" ]; then echo "forbidden import ($3):"; echo "$hits"; status=1; fi
}
forbid Sources/DLTopEngine 'DLTopMonitor|DLTopTUI|CNcursesw' "the engine knows no monitor or UI"
forbid Sources/DLTopEngine 'Dispatch' "the engine stays synchronous (no queues; a Mutex may guard shared state); only ParallelWork.swift runs a kernel's lanes on the cores and returns when they are done" ParallelWork.swift
forbid Sources/DLTopNumbers 'DLTop\w*|CNcursesw|CBLAS|CZlib|CSQLite|CCRC32C|CVectorKernels|Dispatch' "number parsing depends on nothing of dltop"
forbid Sources/DLTopEngine 'CZlib' "only IDXLoader.swift touches zlib" IDXLoader.swift
forbid Sources/DLTopEngine 'CBLAS' "only Tensor+BLAS.swift touches OpenBLAS" Tensor+BLAS.swift
forbid Sources/DLTopEngine 'CVectorKernels' "only AdamKernel.swift touches the vector kernels" AdamKernel.swift
forbid Sources/DLTopMonitor 'DLTopEngine|DLTopTUI|CNcursesw|CBLAS|CZlib|CVectorKernels' "the monitor must work the same on a Keras log"
forbid Sources/DLTopTUI 'DLTopEngine|CBLAS|CZlib' "the dashboard sees snapshots only"
forbid Sources/DLTopTUI 'CNcursesw' "only CursesBackend.swift touches ncurses" CursesBackend.swift
forbid Sources/DLTopMonitor 'CSQLite' "only SQLiteDatabase.swift touches SQLite" SQLiteDatabase.swift
forbid Sources/DLTopMonitor 'CCRC32C' "only CRC32C.swift touches the CRC instruction" CRC32C.swift
forbid Sources/dltop 'CNcursesw|CBLAS|CZlib|CSQLite' "the executable wires the libraries; C stays behind them"
forbid Sources/DLTopBenchSupport 'DLTopEngine|CNcursesw|CBLAS|CZlib' "bench support builds monitor and dashboard inputs only"
forbid Sources/dltop-bench 'CNcursesw|CBLAS|CZlib' "the bench measures through the libraries"
# `@preconcurrency import` silences Sendable checking for a whole module: not in this code base.
hits=$(grep -rnE '^\s*@preconcurrency\s+import\b' Sources Tests --include='*.swift' 2>/dev/null)
if [ -n "$hits" ]; then echo "forbidden @preconcurrency import:"; echo "$hits"; status=1; fi
[ $status -eq 0 ] && echo "imports: dependency direction respected"
exit $status
