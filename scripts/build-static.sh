#!/usr/bin/env bash
# Builds one distributable `plaudit` binary with the Swift runtime, Foundation and every
# package linked in (`--static-swift-stdlib`), into dist/plaudit.
#
# Needs, at build time only: libcurl4-openssl-dev (FoundationNetworking's static archive links
# -lcurl; that is the URLSession transport) and libsqlite3-dev (GRDB's headers). At run time the
# binary needs only what a plain Debian/Ubuntu has: glibc, libstdc++, libcurl4, libsqlite3-0
# (and, for the MiniLM embedder's fast path, libopenblas0-pthread, loaded on demand).
# A clean release build takes 5-10 minutes on 2 cores (AsyncHTTPClient's BoringSSL dominates).
set -euo pipefail
cd "$(dirname "$0")/.."
for package in libcurl4-openssl-dev libsqlite3-dev; do
  if ! dpkg -s "$package" >/dev/null 2>&1; then
    echo "missing $package: apt-get install -y libcurl4-openssl-dev libsqlite3-dev" >&2
    exit 2
  fi
done
swift build -c release --static-swift-stdlib --product plaudit
mkdir -p dist
cp .build/release/plaudit dist/plaudit
# Symbols are not needed to run; stripping takes the file from about 160 MB to about a third.
strip dist/plaudit
echo "built dist/plaudit ($(du -h dist/plaudit | cut -f1)); shared libraries it needs:"
ldd dist/plaudit | sed 's/^/  /'
if ldd dist/plaudit | grep -q 'libswift\|libFoundation\|libdispatch'; then
  echo "error: the binary still needs Swift runtime libraries" >&2
  exit 1
fi
