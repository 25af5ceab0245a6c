// The commented `.incident/playbook.yml` that `incident init` (and, later, the extension's
// "Create Playbook") writes: the trading playbook's P1–P4 severities and runbooks for its four
// incident types. URLs and connection strings are variables ($APP_URL, $DATABASE_URL) read
// from the responder's environment, never written into the file.

export const PLAYBOOK_TEMPLATE = `# The team's incident response policy, read by the Incident Playbook extension and the
# \`incident\` CLI. Everything here is optional; delete what you do not use.
# Reference: docs/FORMAT.md (severities, statuses, checklist, health checks, runbooks).

# Severities P1..P4 (the trading playbook). Use "sev" for SEV-1..SEV-3.
preset: p1-p4
timeZone: UTC

# Health checks: \`incident health\` (or "Incident: Run Health Check…") runs them and logs the
# result on the incident's timeline. cwd is relative to the repository; timeout like 10s;
# expect is the exit code that means healthy (default 0); capture puts a redacted excerpt of
# the output on the timeline. Commands read URLs and secrets from the environment.
# healthChecks:
#   - name: site
#     run: curl -fsS -o /dev/null -w '%{http_code}\\n' "$APP_URL"
#     timeout: 10s
#   - name: api-health
#     run: curl -fsS "$APP_URL/api/health"
#     timeout: 10s
#     capture: true

# Runbooks: \`incident runbook TYPE\` prints the steps, \`--run N\` runs one. A dangerous step
# asks for confirmation (--yes) naming the exact command. Parameters (params) are asked for,
# checked against their pattern, and passed as environment variables.
runbooks:
  website-outage:
    title: Website outage
    severity: P1
    steps:
      - title: Verify the outage from outside
        run: curl -I "$APP_URL"
      - title: Check the health endpoint
        run: curl -fsS "$APP_URL/api/health"
      - title: Check DNS resolution
        run: |
          host="\${APP_URL#*://}"; host="\${host%%/*}"
          nslookup "$host" || dig +short "$host"
      - title: Check recent deployments
        run: git log --since="24 hours ago" --oneline
      - title: Check the hosting provider's status page
        notes: Look for an ongoing provider incident before digging into our own changes.
      # - title: Roll back the last deployment
      #   run: ./scripts/emergency-rollback.sh
      #   dangerous: true

  database-issues:
    title: Database issues
    severity: P2
    steps:
      - title: Check the connection count
        run: psql "$DATABASE_URL" -c "SELECT count(*) AS connections, state FROM pg_stat_activity GROUP BY state;"
      - title: Find blocking queries
        run: |
          psql "$DATABASE_URL" -c "SELECT pid, pg_blocking_pids(pid) AS blocked_by, now() - query_start AS waiting, left(query, 80) AS query
            FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0;"
      - title: Find long-running queries
        run: psql "$DATABASE_URL" -c "SELECT pid, now() - query_start AS running, left(query, 80) AS query FROM pg_stat_activity WHERE state <> 'idle' ORDER BY running DESC LIMIT 10;"
      - title: Review the connection pool
        notes: Check the provider dashboard for long-running queries, pool exhaustion and disk space.
      - title: Cancel a blocking query
        run: psql "$DATABASE_URL" -c "SELECT pg_cancel_backend($BLOCKING_PID);"
        dangerous: true
    params:
      - name: BLOCKING_PID
        pattern: "[0-9]{1,10}"

  security-incident:
    title: Security incident
    severity: P1
    steps:
      - title: Preserve evidence
        notes: Do not restart or wipe affected machines yet. Snapshot disks and export logs first.
      - title: Review recent access to the repository
        run: git log --since="24 hours ago" --format='%h %an %ae %ad %s' --date=iso
      - title: Check for changed dependencies
        run: git diff --stat "HEAD@{1 day ago}" -- package.json package-lock.json
      - title: Rotate exposed credentials
        notes: Revoke and rotate any key, token or password that may have leaked; note which in the timeline (never the value).
      - title: Review security logs
        notes: Failed logins, new admin users, unusual API keys and outbound traffic.

  performance-issues:
    title: Performance issues
    severity: P3
    steps:
      - title: Measure response time
        run: curl -o /dev/null -sS -w 'connect %{time_connect}s, first byte %{time_starttransfer}s, total %{time_total}s\\n' "$APP_URL"
      - title: Check the health endpoint
        run: curl -fsS "$APP_URL/api/health"
      - title: Check recent deployments
        run: git log --since="24 hours ago" --oneline
      - title: Check database load
        run: psql "$DATABASE_URL" -c "SELECT count(*) FILTER (WHERE state = 'active') AS active, count(*) AS total FROM pg_stat_activity;"
      - title: Check external services
        notes: Payment provider, CDN and third-party APIs; compare with their status pages.
`;
