#!/usr/bin/env bash
# Checks, through nginx (scripts/with-nginx.sh), that each stored .gz and .br of a site built
# with `build --precompress` is what a reader asking for it receives, byte for byte, that it
# decompresses to its file, and that a reader asking for neither receives the file itself.
# Usage: scripts/check-precompressed.sh OUTPUT_FOLDER
set -euo pipefail
if [ -z "${SITE_URL:-}" ]; then exec "$(dirname "$0")/with-nginx.sh" "$1" "$0" "$1"; fi
site=$SITE_ROOT
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
checked=0
while IFS= read -r -d '' compressed; do
  file=${compressed%.*}
  relative=${file#"$site"/}
  case "$compressed" in *.gz) encoding=gzip ;; *.br) encoding=br ;; esac
  curl -s --fail -H "Accept-Encoding: $encoding" -D "$scratch/head" -o "$scratch/body" "$SITE_URL/$relative"
  grep -qi "^content-encoding: $encoding" "$scratch/head" || { echo "check-precompressed: /$relative sent without Content-Encoding: $encoding" >&2; exit 1; }
  cmp -s "$scratch/body" "$compressed" || { echo "check-precompressed: /$relative ($encoding) differs from $compressed" >&2; exit 1; }
  case "$encoding" in gzip) gzip -dc < "$scratch/body" > "$scratch/decoded" ;; br) brotli -dc < "$scratch/body" > "$scratch/decoded" ;; esac
  cmp -s "$scratch/decoded" "$file" || { echo "check-precompressed: /$relative ($encoding) does not decompress to the file" >&2; exit 1; }
  curl -s --fail -H "Accept-Encoding: identity" -o "$scratch/plain" "$SITE_URL/$relative"
  cmp -s "$scratch/plain" "$file" || { echo "check-precompressed: /$relative (identity) differs from the file" >&2; exit 1; }
  checked=$((checked + 1))
done < <(find "$site" -type f \( -name '*.gz' -o -name '*.br' \) -print0 | sort -z)
[ "$checked" -gt 0 ] || { echo "check-precompressed: no .gz or .br file in $site" >&2; exit 1; }
echo "check-precompressed: $checked stored files sent by nginx as they are (gzip_static, brotli_static)"
