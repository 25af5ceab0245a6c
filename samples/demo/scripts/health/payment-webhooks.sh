#!/usr/bin/env bash
# Health check: payment webhook dispatcher backlog (reads the last probe in status/webhooks.json).
# Exit 0 = healthy, 1 = unhealthy. In the demo it fails: INC-2026-1121-001 is still open.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
status="$here/status/webhooks.json"
depth=$(sed -n 's/.*"queueDepth": *\([0-9]*\).*/\1/p' "$status")
oldest=$(sed -n 's/.*"oldestMessageMinutes": *\([0-9]*\).*/\1/p' "$status")
if [ "$depth" -lt 1000 ] && [ "$oldest" -lt 2 ]; then
  echo "payment-webhooks: OK (queue ${depth}, oldest ${oldest} min)"
else
  echo "payment-webhooks: UNHEALTHY (queue ${depth} messages, oldest ${oldest} min; limits 1000 and 2 min)" >&2
  exit 1
fi
