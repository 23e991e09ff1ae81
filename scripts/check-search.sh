#!/usr/bin/env bash
# Opens a built search page from file:// in headless Chromium with a query and checks that the
# script found the expected entry first. Needs `chromium` (Debian's package).
# Usage: scripts/check-search.sh PAGE QUERY EXPECTED_FIRST_TITLE [EXPECTED_COUNT_TEXT]
set -euo pipefail
page=$(realpath "$1"); query=$2; expected=$3; count=${4:-}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "check-search: chromium not found" >&2; exit 2; fi
dom=$(timeout 90 "$browser" --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 \
      --dump-dom "file://$page?q=$query" 2>/dev/null)
passed=0; failed=0
first=$(printf '%s' "$dom" | grep -o '<ol id="search-results"[^>]*><li><a [^>]*>[^<]*' | sed 's/.*>//' || true)
if [ "$first" = "$expected" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: first result for '$query' is '$first', expected '$expected'"; fi
if [ -n "$count" ]; then
  if printf '%s' "$dom" | grep -q "role=\"status\" aria-live=\"polite\">$count"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: status is not '$count'"; fi
fi
echo "search ($query): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
