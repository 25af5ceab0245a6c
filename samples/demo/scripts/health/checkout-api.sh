#!/usr/bin/env bash
# Health check: checkout API error rate and latency (reads the last probe in status/checkout.json).
# Exit 0 = healthy, 1 = unhealthy. Works offline: the demo ships the probe result.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
status="$here/status/checkout.json"
error_rate=$(sed -n 's/.*"errorRate": *\([0-9.]*\).*/\1/p' "$status")
p95=$(sed -n 's/.*"p95Ms": *\([0-9]*\).*/\1/p' "$status")
if awk -v e="$error_rate" -v p="$p95" 'BEGIN { exit !(e < 0.01 && p < 500) }'; then
  echo "checkout-api: OK (error rate ${error_rate}, p95 ${p95} ms)"
else
  echo "checkout-api: UNHEALTHY (error rate ${error_rate}, p95 ${p95} ms; limits 0.01 and 500 ms)"
  exit 1
fi
