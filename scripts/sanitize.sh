#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and ThreadSanitizer, each in a build folder of its own.
# Slow (a full build each): run by hand or in a nightly job, not on every push.
# Usage: scripts/sanitize.sh [address] [thread]
set -euo pipefail
cd "$(dirname "$0")/.."
for sanitizer in "${@:-address thread}"; do
  for s in $sanitizer; do
    echo "== swift test --sanitize=$s"
    # Leak reports would be about the Swift runtime and Foundation (Process), not this code.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} PASSERELLE_FUZZ_ITERATIONS=${PASSERELLE_FUZZ_ITERATIONS:-100} \
      swift test --disable-swift-testing --sanitize="$s" --scratch-path ".build-$s"
  done
done
