#!/usr/bin/env bash
# Writes the seeds of the `sqlite-stores` fuzz target: a small mlflow.db and a small trackio
# database, each a few KB so that libFuzzer (inputs up to 64 KB) mutates whole, valid databases
# rather than truncated ones. The tables dltop reads keep the schema the real libraries wrote (copied
# from the fixtures mlflow 3.17.2 and trackio 0.43.0 produced, indexes included) and their rows;
# page_size 512 and VACUUM keep the files small. Needs the sqlite3 command-line tool (Debian
# package sqlite3). Run from anywhere; rewrites Fuzz/Corpus/sqlite-stores/.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=Tests/DLTopMonitorTests/Fixtures/ecosystem
out=Fuzz/Corpus/sqlite-stores
rm -rf "$out"
mkdir -p "$out"

# small DB SOURCE TABLE…: SOURCE's TABLEs (schema and rows) in a fresh database DB.
small() {
  local db=$1 source=$2
  shift 2
  local schema=""
  for table in "$@"; do
    schema+=$(sqlite3 -readonly "file:$source?immutable=1" ".schema $table")$'\n'
  done
  {
    echo "PRAGMA page_size = 512;"
    echo "$schema"
    echo "ATTACH 'file:$source?immutable=1' AS real;"
    for table in "$@"; do echo "INSERT INTO main.$table SELECT * FROM real.$table;"; done
    echo "DETACH real;"
    echo "VACUUM;"
  } | sqlite3 "$db"
}

small "$out/mlflow.db" "$fixtures/mlflow/mlflow.db" runs params metrics
small "$out/trackio.db" "$fixtures/trackio/tiny.db" metrics configs
ls -l "$out"
