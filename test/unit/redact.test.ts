// The secret redactor (core/health/redact.ts): every kind goes, hashes and ids stay, linear time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REDACTED, redactSecrets, stripTerminalSequences } from '../../src/core';
import { NOISY_OUTPUT, SECRET_SAMPLES } from './secretSamples';

test('each kind of secret is redacted where a tool would print it', () => {
  for (const { kind, line, secret } of SECRET_SAMPLES) {
    const out = redactSecrets(line);
    assert.ok(!out.includes(secret), `${kind}: ${out}`);
    assert.ok(out.includes(REDACTED), `${kind}: ${out}`);
  }
  const all = redactSecrets(NOISY_OUTPUT);
  for (const { kind, secret } of SECRET_SAMPLES) assert.ok(!all.includes(secret), kind);
});

test('what surrounds a secret stays readable', () => {
  assert.equal(redactSecrets('Authorization: Bearer abc.def-123 rest'), `Authorization: Bearer ${REDACTED} rest`);
  assert.equal(redactSecrets('postgres://app:hunter2@db:5432/x'), `postgres://app:${REDACTED}@db:5432/x`);
  assert.equal(redactSecrets('DB_PASSWORD=hunter2 next'), `DB_PASSWORD=${REDACTED} next`);
  assert.equal(redactSecrets('https://hooks.slack.com/services/T000/B000/XXXX ok'), `https://hooks.slack.com/services/${REDACTED} ok`);
  assert.match(redactSecrets('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\nafter'), /^-----BEGIN PRIVATE KEY----- \[REDACTED\] -----END PRIVATE KEY-----\nafter$/);
});

test('a secret split by colour codes or OSC 633 marks is still caught; the sequences go', () => {
  const token = 'ghp_' + 'a1B2c3D4e5'.repeat(4);
  const painted = `\x1b]633;C\x07\x1b[32mtoken ${token.slice(0, 10)}\x1b[0m${token.slice(10)}\x1b]633;D;0\x07`;
  const out = redactSecrets(painted);
  assert.equal(out, `token ${REDACTED}`);
  assert.equal(stripTerminalSequences('\x1b]0;title\x1b\\a\x1b[1;31mb\x9b0mc\x1b]633;E;ls\x07d'), 'abcd');
  assert.equal(stripTerminalSequences('x\x1b]8;;unterminated'), 'x');
});

test('variables are not secrets: $VAR passwords and values stay', () => {
  for (const s of ['postgres://app:$DB_PASS@db/x', 'GITHUB_TOKEN=$GITHUB_TOKEN', 'curl -u "$USER:$PASS" http://x', 'API_KEY=${API_KEY}']) assert.equal(redactSecrets(s), s);
});

test('false positives that must stay: hashes, UUIDs, commit ids, base64 cut short, key=value, URLs, look-alike names and tokens', () => {
  const keep = [
    'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'commit 8e40898c0ad61c4a7e0b5e8d1f9b4e1a2c3d4e5f (HEAD -> main)',
    'request 123e4567-e89b-12d3-a456-426614174000 done',
    'md5 d41d8cd98f00b204e9800998ecf8427e',
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA',
    'region=us-east-1 replicas=3 key=value mode=fast',
    'GET https://shop.example.com:8443/api/health 200',
    'eyJub3QiOiJhIGp3dCJ9 only one part',
    'eyJhbGciOi.notjson.part but not a token',
    'ghp_short',
    'AKIA lower case akiaqwertyuiopasdfgh',
    'xoxb- no token',
    'Authorization header missing',
    '-----BEGIN CERTIFICATE-----',
    'key=value pass=12 fail=0 tokens=1500 secrets: 3 found',
    'monkey=3 turkey: yes',
    'Enter password: ',
    'sort -u names.txt; git push -u origin main',
    'docker run -u 1000 image',
    'sk_live_short AIzaShort npm_short',
    'curl -u "$USER:$PASS" https://x.test',
    'PASSWORD="$DB_PASSWORD" ./migrate',
  ];
  for (const s of keep) assert.equal(redactSecrets(s), s, s);
});

test('linear time: 1 MB of hostile output takes about as long as 1 MB of benign output', () => {
  const MB = 1 << 20;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const benign = fill('GET /api/orders 200 12ms region=us-east-1\n');
  const hostile = [
    fill('-eyJ'),
    fill('eyJa.'),
    fill('eyJhbGciOiJIUzI1NiJ9x.eyJzdWIiOiJ4In0.sig '),
    fill('eyJhbGciOiJIUzI1NiJ9.eyJz.'),
    fill('a://b:'),
    fill('a://'),
    fill('x_token x_token='),
    fill('-ghp_' + 'a'.repeat(30)),
    fill('-----BEGIN PRIVATE KEY'),
    fill('-----BEGIN PRIVATE KEY-----\n'),
    fill('-----BEGIN PGP PRIVATE KEY BLOCK-----\nabc\n'),
    fill('password: "' + 'a'.repeat(60)),
    fill("x-api-key: 'a"),
    fill('-u a:'),
    fill('--user='),
    fill('AIza' + 'b'.repeat(30)),
    fill('sk_live_' + 'c'.repeat(8) + ' '),
    fill('-----BEGIN RSA PRIVATE KEY-----\n' + 'QUJD'.repeat(16) + '\n'),
    fill('Authorization: Bearer '),
    fill('\x1b]633;' + 'a'.repeat(50)),
    fill('\x1b['),
    fill('a'.repeat(70) + '_'),
    fill('hooks.slack.com/services/'),
    'a'.repeat(MB),
    fill('xoxb-1-'),
  ];
  const time = (s: string) => {
    const t = process.hrtime.bigint();
    redactSecrets(s);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  time(benign);
  const base = Math.max(5, Math.min(time(benign), time(benign), time(benign)));
  for (const h of hostile) {
    const ms = Math.min(time(h), time(h));
    assert.ok(ms < base * 25, `${JSON.stringify(h.slice(0, 30))}: ${ms.toFixed(1)} ms vs ${base.toFixed(1)} ms benign`);
  }
});

test('each private-key block ends at its own END line, PGP included; what follows stays readable', () => {
  const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
  for (const kind of ['', 'RSA ', 'EC ', 'DSA ', 'OPENSSH ', 'ENCRYPTED ', 'PGP ']) {
    const block = kind === 'PGP ' ? ' BLOCK' : '';
    const text = `before\n-----BEGIN ${kind}PRIVATE KEY${block}-----\n${body}\n-----END ${kind}PRIVATE KEY${block}-----\nafter ok\n`;
    assert.equal(redactSecrets(text), `before\n-----BEGIN PRIVATE KEY----- ${REDACTED} -----END PRIVATE KEY-----\nafter ok\n`, kind || 'PKCS#8');
  }
  const pgp = redactSecrets(SECRET_SAMPLES.find((s) => s.kind === 'pgp private key')!.line + '\nlater line');
  assert.match(pgp, /-----END PRIVATE KEY-----\nafter the pgp key\nlater line$/);
});

test('the common shapes of keys, tokens and passwords (gitleaks, detect-secrets) are redacted', () => {
  const cases: Array<[string, string]> = [
    ['X-Api-Key: abc123def456ghi', `X-Api-Key: ${REDACTED}`],
    ["curl -H 'x-api-key: abc123def' https://x.test", `curl -H 'x-api-key: ${REDACTED}' https://x.test`],
    ['GET /v1?apikey=abcdef123&page=2', `GET /v1?apikey=${REDACTED}&page=2`],
    ['{"apiKey": "AbC123xyz", "ok": true}', `{"apiKey": "${REDACTED}", "ok": true}`],
    ['secret=s3cr3t next', `secret=${REDACTED} next`],
    ['pwd=hunter2', `pwd=${REDACTED}`],
    ['db_pass=hunter2 db_user=app', `db_pass=${REDACTED} db_user=app`],
    ["'password' => 'hunter2',", `'password' => '${REDACTED}',`],
    ['x-auth-token: abcdef', `x-auth-token: ${REDACTED}`],
    ['curl -u admin:pa55 https://x.test', `curl -u admin:${REDACTED} https://x.test`],
    ['curl -uadmin:pa55 https://x.test', `curl -uadmin:${REDACTED} https://x.test`],
    ['curl --user admin:pa55 https://x.test', `curl --user admin:${REDACTED} https://x.test`],
    ['curl --user=admin:pa55 https://x.test', `curl --user=admin:${REDACTED} https://x.test`],
    ["curl -u 'admin:p@ss w0rd' https://x.test", `curl -u 'admin:${REDACTED}' https://x.test`],
    ['key sk_live_' + 'a1B2c3D4e5F6g7H8i9J0k1L2', `key ${REDACTED}`],
    ['key rk_live_' + 'a1B2c3D4e5F6g7H8i9J0k1L2;', `key ${REDACTED};`],
    ['AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', REDACTED],
    ['token npm_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', `token ${REDACTED}`],
    ["PASSWORD: 'p@ss w0rd'", `PASSWORD: '${REDACTED}'`],
    ['password="p@ss w0rd" next', `password="${REDACTED}" next`],
    ['{"password":"a \\"quoted\\" word","user":"dana"}', `{"password":"${REDACTED}","user":"dana"}`],
    ["DB_PASSWORD='no closing quote", `DB_PASSWORD='${REDACTED}`],
  ];
  for (const [line, want] of cases) assert.equal(redactSecrets(line), want, line);
});

test('bidi controls in command output are dropped before matching, so they cannot hide a token either', () => {
  const token = 'ghp_' + 'a1B2c3D4e5'.repeat(4);
  assert.equal(redactSecrets(`ok \u202eevil\u2066x\u2069 token ${token.slice(0, 9)}\u202c${token.slice(9)}`), `ok evilx token ${REDACTED}`);
});
