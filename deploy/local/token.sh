#!/usr/bin/env bash
# Prints a bearer token for the local platform's /api endpoints (docs/access-control.md): an RS256 JWT signed
# with the key deploy/local/start.sh generated on its first start, issuer oil-trading, the user as sub and upn
# (what the audit rows record), the role as its one group.
#
#   deploy/local/token.sh ROLE USER [SECONDS]
#
#   ROLE     trader, risk-manager, operations, price-admin, auditor, admin or service
#   USER     letters, digits and . _ @ -, at most 60 characters
#   SECONDS  how long the token is valid (default 3600)
#   SIGNING_KEY=file  sign with that key instead of the local platform's (in a cluster: private.pem of the Secret
#                     auth.jwtSecret, helm/oil-trading/README.md)
#
#   curl -H "Authorization: Bearer $(deploy/local/token.sh trader alice)" http://localhost:8081/api/contracts
#
# Exit codes: 0 token printed, 1 openssl failed, 2 usage error or no key yet.
set -u -o pipefail
source "$(dirname "$0")/platform.sh"

ROLES=(trader risk-manager operations price-admin auditor admin service)
usage() {
  [ $# -gt 0 ] && echo "token.sh: $*" >&2
  echo "usage: deploy/local/token.sh ROLE USER [SECONDS]   ROLE: ${ROLES[*]}" >&2
  exit 2
}

if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
role=$1 user=$2 seconds=${3:-3600}
[[ " ${ROLES[*]} " == *" $role "* ]] || usage "unknown role '$role'"
[[ $user =~ ^[A-Za-z0-9._@-]{1,60}$ ]] || usage "USER must be 1 to 60 of A-Z a-z 0-9 . _ @ -, not '$user'"
[[ $seconds =~ ^[1-9][0-9]{0,8}$ ]] || usage "SECONDS must be a whole number of seconds above 0, not '$seconds'"
key=${SIGNING_KEY:-$JWT_PRIVATE_KEY}
if [ ! -r "$key" ]; then
  echo "token.sh: no signing key at $key: start the platform once: deploy/local/start.sh" >&2
  exit 2
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# ROLE and USER are checked above, so they need no JSON escaping.
now=$(date +%s)
header=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url) || exit 1
claims=$(printf '{"iss":"oil-trading","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$user" "$user" "$role" "$now" $((now + seconds)) "$(openssl rand -hex 16)" | b64url) || exit 1
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$key" -binary | b64url) \
  || { echo "token.sh: signing with $key failed" >&2; exit 1; }
echo "$header.$claims.$signature"
