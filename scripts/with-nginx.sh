#!/usr/bin/env bash
# Serves a built site through nginx on loopback, as a host that sends pre-compressed files as
# they are (gzip_static, and brotli_static from Debian's libnginx-mod-http-brotli-static; no
# compression of its own), runs COMMAND with SITE_URL set to its address, then stops nginx.
# Usage: scripts/with-nginx.sh OUTPUT_FOLDER COMMAND [ARGUMENT...]
set -euo pipefail
site=$(cd "$1" && pwd)
shift
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
    types { text/calendar ics; application/x-zim zim; }
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
SITE_URL="http://127.0.0.1:$port" SITE_ROOT="$site" "$@"
