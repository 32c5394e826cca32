#!/usr/bin/env bash
# Builds register-app/bundle.js from src/ and uploads it to Poster as a release of the POS-platform app
# (docs/register-app.md, "Releasing").
# Registers pick it up when they restart.
#
#   POSTER_APPLICATION_ID=... POSTER_APPLICATION_SECRET=... register-app/upload.sh [--dry-run]
#
# --dry-run prints what would be sent (the sign, never the secret) and uploads nothing.
set -euo pipefail
cd "$(dirname "$0")"

: "${POSTER_APPLICATION_ID:?set POSTER_APPLICATION_ID}"
: "${POSTER_APPLICATION_SECRET:?set POSTER_APPLICATION_SECRET}"
url="https://platform.joinposter.com/api/application.uploadPOSPlatformBundle?format=json"

# md5 of standard input: GNU's md5sum (Linux), else BSD's md5 (macOS)
md5_hex() {
  if command -v md5sum >/dev/null 2>&1; then md5sum | cut -d' ' -f1; else md5 -q; fi
}

node build.mjs
node --check bundle.js
bundle_md5=$(md5_hex < bundle.js)
# Poster's release signature: md5(application_id:md5(bundle):application_secret)
sign=$(printf '%s:%s:%s' "$POSTER_APPLICATION_ID" "$bundle_md5" "$POSTER_APPLICATION_SECRET" | md5_hex)

if [ "${1:-}" = "--dry-run" ]; then
  echo "POST $url"
  echo "application_id=$POSTER_APPLICATION_ID"
  echo "bundle=bundle.js ($(wc -c < bundle.js) bytes, md5 $bundle_md5)"
  echo "sign=$sign"
  exit 0
fi

curl --fail-with-body -sS -X POST "$url" \
  -F "application_id=$POSTER_APPLICATION_ID" \
  -F "sign=$sign" \
  -F "bundle=@bundle.js"
echo
