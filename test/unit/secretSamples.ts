// Fake secrets of every kind the redactor knows, built at run time so that no scanner mistakes
// this file for a leak. Each `secret` must be gone from the redacted text; `line` is how a tool
// would print it.
const jwtPart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const alnum = (n: number, seed = 7) => Array.from({ length: n }, (_, i) => 'Zq8Xw3Lm9Pk2Rt7Vb5Nc4Hd6'[(i * seed) % 24]).join('');

export interface SecretSample {
  kind: string;
  line: string;
  secret: string;
}

export const SECRET_SAMPLES: SecretSample[] = [
  { kind: 'authorization bearer', secret: 'tok' + alnum(30, 5), line: '' },
  { kind: 'authorization basic', secret: Buffer.from('admin:' + alnum(12)).toString('base64'), line: '' },
  { kind: 'authorization token', secret: 'tk' + alnum(24, 11), line: '' },
  { kind: 'url password', secret: 'pw' + alnum(14, 13), line: '' },
  { kind: 'env token', secret: 'v' + alnum(28, 17), line: '' },
  { kind: 'env key', secret: 'k' + alnum(32, 19), line: '' },
  { kind: 'env secret', secret: 's' + alnum(20, 23), line: '' },
  { kind: 'password=', secret: 'Pa' + alnum(10, 5) + '!9', line: '' },
  { kind: 'aws', secret: 'AKIA' + 'QWERTYUIOPASDFGH'.slice(0, 16), line: '' },
  { kind: 'aws session', secret: 'ASIA' + 'ZXCVBNMLKJHGFDSA', line: '' },
  { kind: 'github ghp', secret: 'ghp_' + alnum(36), line: '' },
  { kind: 'github gho', secret: 'gho_' + alnum(36, 5), line: '' },
  { kind: 'github ghs', secret: 'ghs_' + alnum(36, 11), line: '' },
  { kind: 'github ghu', secret: 'ghu_' + alnum(36, 13), line: '' },
  { kind: 'github ghr', secret: 'ghr_' + alnum(36, 17), line: '' },
  { kind: 'github fine-grained', secret: 'github_pat_' + alnum(22) + '_' + alnum(59, 5), line: '' },
  { kind: 'gitlab', secret: 'glpat-' + alnum(20, 19), line: '' },
  { kind: 'slack bot', secret: 'xoxb-' + '1234567890-0987654321-' + alnum(24), line: '' },
  { kind: 'slack user', secret: 'xoxp-' + '1234567890-' + alnum(24, 5), line: '' },
  { kind: 'slack webhook', secret: 'T0' + alnum(8) + '/B0' + alnum(8, 5) + '/' + alnum(24, 11), line: '' },
  { kind: 'jwt', secret: `${jwtPart({ alg: 'HS256', typ: 'JWT' })}.${jwtPart({ sub: 'dana', exp: 1900000000 })}.${alnum(43, 13)}`, line: '' },
  { kind: 'x-api-key header', secret: 'xk' + alnum(30, 29), line: '' },
  { kind: 'apikey=', secret: 'ak' + alnum(24, 31), line: '' },
  { kind: 'json apiKey', secret: 'jk' + alnum(26, 37), line: '' },
  { kind: 'secret=', secret: 'se' + alnum(18, 41), line: '' },
  { kind: 'pwd=', secret: 'Pw' + alnum(12, 43) + '#1', line: '' },
  { kind: 'db_pass=', secret: 'Db' + alnum(14, 47) + '%2', line: '' },
  { kind: 'curl -u', secret: 'Cu' + alnum(12, 53) + '!', line: '' },
  { kind: 'curl --user', secret: 'Cv' + alnum(12, 59) + '!', line: '' },
  { kind: 'quoted password with a space', secret: 'p@ss w0rd' + alnum(6, 61), line: '' },
  { kind: 'stripe live', secret: ['sk', 'live', alnum(24, 67)].join('_'), line: '' },
  { kind: 'stripe restricted', secret: ['rk', 'live', alnum(24, 71)].join('_'), line: '' },
  { kind: 'google api key', secret: 'AI' + 'za' + alnum(35, 73), line: '' },
  { kind: 'npm token', secret: 'npm' + '_' + alnum(36, 79), line: '' },
  { kind: 'pgp private key', secret: alnum(64, 83), line: '' },
  { kind: 'ec private key', secret: alnum(64, 89), line: '' },
  { kind: 'pkcs8 private key', secret: alnum(64, 97), line: '' },
  { kind: 'private key', secret: alnum(64, 17), line: '' },
  { kind: 'private key cut off', secret: alnum(64, 23), line: '' },
];

const lines: Record<string, (s: string) => string> = {
  'authorization bearer': (s) => `> Authorization: Bearer ${s}`,
  'authorization basic': (s) => `curl -H "Authorization: Basic ${s}" https://example.test`,
  'authorization token': (s) => `authorization: token ${s}`,
  'url password': (s) => `connecting to postgres://app:${s}@db.internal:5432/orders`,
  'env token': (s) => `GITHUB_TOKEN=${s}`,
  'env key': (s) => `export STRIPE_API_KEY="${s}"`,
  'env secret': (s) => `{"client_secret": "${s}"}`,
  'password=': (s) => `PASSWORD=${s} ./migrate`,
  aws: (s) => `aws_access_key_id ${s}`,
  'aws session': (s) => `using ${s} for the session`,
  'github ghp': (s) => `token ${s}`,
  'github gho': (s) => `oauth=${s}.`,
  'github ghs': (s) => `(${s})`,
  'github ghu': (s) => `user ${s}`,
  'github ghr': (s) => `refresh ${s}`,
  'github fine-grained': (s) => `pat ${s}`,
  gitlab: (s) => `gitlab ${s} ok`,
  'slack bot': (s) => `slack ${s}`,
  'slack user': (s) => `slack ${s}`,
  'slack webhook': (s) => `posting to https://hooks.slack.com/services/${s}`,
  jwt: (s) => `session=${s}; Path=/`,
  'x-api-key header': (s) => `> X-Api-Key: ${s}`,
  'apikey=': (s) => `GET /v1/orders?apikey=${s}&page=2`,
  'json apiKey': (s) => `{"service": "maps", "apiKey": "${s}", "ok": true}`,
  'secret=': (s) => `secret=${s}`,
  'pwd=': (s) => `mysql --host=db pwd=${s}`,
  'db_pass=': (s) => `db_pass=${s} db_user=app`,
  'curl -u': (s) => `+ curl -fsS -u admin:${s} https://ci.example.test/api`,
  'curl --user': (s) => `curl --user deploy:${s} https://ci.example.test/api`,
  'quoted password with a space': (s) => `PASSWORD: '${s}'`,
  'stripe live': (s) => `stripe.api_key = ${s}`,
  'stripe restricted': (s) => `using restricted key ${s} for reports`,
  'google api key': (s) => `https://maps.example.test/geocode?key=${s}`,
  'npm token': (s) => `//registry.npmjs.org/:_authToken=${s}`,
  'pgp private key': (s) => `-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: ops\n\n${s}\n${s.slice(8)}\n=Ab3d\n-----END PGP PRIVATE KEY BLOCK-----\nafter the pgp key`,
  'ec private key': (s) => `-----BEGIN EC PRIVATE KEY-----\n${s}\n-----END EC PRIVATE KEY-----`,
  'pkcs8 private key': (s) => `"private_key": "-----BEGIN PRIVATE KEY-----\\n${s}\\n-----END PRIVATE KEY-----\\n",`,
  'private key': (s) => `-----BEGIN RSA PRIVATE KEY-----\n${s}\n${s.split('').reverse().join('')}\n-----END RSA PRIVATE KEY-----\nafter`,
  'private key cut off': (s) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${s}\n${s.slice(0, 30)}`,
};
for (const sample of SECRET_SAMPLES) sample.line = lines[sample.kind](sample.secret);

/** Every sample's line, one after another: what a noisy check prints. */
export const NOISY_OUTPUT = SECRET_SAMPLES.map((s) => s.line).join('\n') + '\n';
