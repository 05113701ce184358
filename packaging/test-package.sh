#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from a finished build tree, unpacks it into a scratch root (dpkg -x, no
# root needed) and runs what it installed: hotpath --version, hotpath check on the
# installed sample, a JIT run (the module found at bin/../lib/hotpath) and the studio's
# --version. Usage: test-package.sh BUILD_DIR
set -euo pipefail
build="$(cd -- "$1" && pwd -P)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cpack --config "$build/CPackConfig.cmake" -B "$scratch/out" >/dev/null
deb="$(ls "$scratch"/out/hotpath_*.deb)"
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb --info "$deb" | grep -E '^ (Package|Version|Depends|Section):'
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -E 'bin/hotpath|libhotpath-jit.so|\.desktop|metainfo|hotpath.svg|man1/hotpath.1.gz|samples/hello/hotpath.json'

root="$scratch/root"
dpkg -x "$deb" "$root"
"$root/usr/bin/hotpath" --version
"$root/usr/bin/hotpath" check "$root/usr/share/hotpath/samples/hello"
# The JIT tier from the installed tree: the module must be found without the build tree.
printf 'def f(n: int) -> int:\n    return n * 2\n' > "$scratch/f.py"
env -u HOTPATH_JIT_MODULE "$root/usr/bin/hotpath" run "$scratch/f.py" f 21 --tier jit --stats | tee "$scratch/run.txt"
grep -q '^42$' "$scratch/run.txt"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/hotpath-studio" --version
gzip -t "$root/usr/share/man/man1/hotpath.1.gz"
echo "installed package works"
