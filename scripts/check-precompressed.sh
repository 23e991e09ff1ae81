#!/usr/bin/env bash
# Serves a site built with `build --precompress` through nginx on loopback, with gzip_static and
# brotli_static (Debian's libnginx-mod-http-brotli-static) and no compression of its own, and
# checks that each stored .gz and .br is what a reader asking for it receives, byte for byte,
# that they decompress to the file; and that a reader asking for neither receives the file itself.
# Usage: scripts/check-precompressed.sh OUTPUT_FOLDER
set -euo pipefail
site=$(cd "$1" && pwd)
scratch=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
cleanup() { [ -f "$scratch/nginx.pid" ] && kill "$(cat "$scratch/nginx.pid")" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
mkdir -p "$scratch/logs"
# As root, nginx's workers would run as nobody, who cannot read a private temporary folder.
user=$([ "$(id -u)" = 0 ] && echo "user root;" || true)
cat > "$scratch/nginx.conf" <<CONF
$user
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
pid $scratch/nginx.pid;
error_log $scratch/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    types { text/calendar ics; }
    access_log off;
    gzip off;
    gzip_static on;
    brotli_static on;
    server {
        listen 127.0.0.1:$port;
        root $site;
    }
}
CONF
$(command -v nginx || echo /usr/sbin/nginx) -p "$scratch" -c "$scratch/nginx.conf"
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

checked=0
while IFS= read -r -d '' compressed; do
  file=${compressed%.*}
  relative=${file#"$site"/}
  case "$compressed" in *.gz) encoding=gzip ;; *.br) encoding=br ;; esac
  curl -s --fail -H "Accept-Encoding: $encoding" -D "$scratch/head" -o "$scratch/body" "http://127.0.0.1:$port/$relative"
  grep -qi "^content-encoding: $encoding" "$scratch/head" || { echo "check-precompressed: /$relative sent without Content-Encoding: $encoding" >&2; exit 1; }
  cmp -s "$scratch/body" "$compressed" || { echo "check-precompressed: /$relative ($encoding) differs from $compressed" >&2; exit 1; }
  case "$encoding" in gzip) gzip -dc < "$scratch/body" > "$scratch/decoded" ;; br) brotli -dc < "$scratch/body" > "$scratch/decoded" ;; esac
  cmp -s "$scratch/decoded" "$file" || { echo "check-precompressed: /$relative ($encoding) does not decompress to the file" >&2; exit 1; }
  curl -s --fail -H "Accept-Encoding: identity" -o "$scratch/plain" "http://127.0.0.1:$port/$relative"
  cmp -s "$scratch/plain" "$file" || { echo "check-precompressed: /$relative (identity) differs from the file" >&2; exit 1; }
  checked=$((checked + 1))
done < <(find "$site" -type f \( -name '*.gz' -o -name '*.br' \) -print0 | sort -z)
[ "$checked" -gt 0 ] || { echo "check-precompressed: no .gz or .br file in $site" >&2; exit 1; }
echo "check-precompressed: $checked stored files sent by nginx as they are (gzip_static, brotli_static)"
