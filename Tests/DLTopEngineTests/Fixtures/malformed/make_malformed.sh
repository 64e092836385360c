#!/usr/bin/env bash
# Writes the malformed-input fixtures from real data: sample-data/iris.csv and the first images of
# Fashion-MNIST's test set (Debian package dataset-fashion-mnist). Each file is one way a data file
# goes wrong in the wild (issue 15's table). Large truncated IDX files are not committed: the
# e2e test cuts them from the installed data set at run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
iris=$here/../../../../sample-data/iris.csv
cd "$here"
awk "NR == 1 || NR % 5 == 0" "$iris" | tr ',' ';' >semicolon.csv
awk "NR == 1 || NR % 5 == 0" "$iris" | tr ',' '\t' >tab.csv
{ echo label; cut -d, -f5 "$iris" | sed -n '2,21p'; } >label-only.csv
head -n 21 "$iris" | tr ',' '|' >pipe.csv
head -n 21 "$iris" | iconv -f UTF-8 -t UTF-16 >utf16.csv
# Binary garbage: the start of a real gzip file.
head -c 3000 /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz >garbage.csv
# A header of one 5000-character name (a minified line pasted as a CSV).
{ printf 'x%.0s' $(seq 5000); echo ',label'; echo '1,a'; echo '2,b'; } >long-header.csv
python3 - /usr/share/datasets/fashion-mnist "$here" <<'PY'
import gzip, os, struct, sys
src, out = sys.argv[1], sys.argv[2]
images = gzip.open(f"{src}/t10k-images-idx3-ubyte.gz").read()
labels = gzip.open(f"{src}/t10k-labels-idx1-ubyte.gz").read()
n = 40
def folder(name, image_bytes, label_bytes):
    os.makedirs(f"{out}/{name}", exist_ok=True)
    open(f"{out}/{name}/train-images-idx3-ubyte", "wb").write(image_bytes)
    open(f"{out}/{name}/train-labels-idx1-ubyte", "wb").write(label_bytes)
real_images = struct.pack(">IIII", 0x803, n, 28, 28) + images[16:16 + n * 784]
real_labels = labels[8:8 + n]
# One label byte of 200 among the digits 0-9.
bad = bytearray(real_labels); bad[7] = 200
folder("idx-label-200", real_images, struct.pack(">II", 0x801, n) + bytes(bad))
# Every label 0: one class.
folder("idx-labels-all-0", real_images, struct.pack(">II", 0x801, n) + bytes(n))
# rows = columns = 0.
folder("idx-zero-size", struct.pack(">IIII", 0x803, n, 0, 0), struct.pack(">II", 0x801, n) + real_labels)
# A header whose count x rows x columns overflows 64 bits.
folder("idx-huge-header", struct.pack(">IIII", 0x803, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + images[16:1000],
       struct.pack(">II", 0x801, n) + real_labels)
PY
