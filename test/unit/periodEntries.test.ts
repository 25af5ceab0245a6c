// Logs grouped by periods (`## 2024` over dated items), slashed dates either way round, a status
// said as a sentence of its own, an incident's heading labelled by its word, and a part that says
// it lists no incidents. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { isPeriodTitle } from '../../src/core/reader/proseIncidents';

const policy = defaultPolicy();
const read = (text: string) => indexLog(text, { policy }).incidents.map((i) => ({ title: i.title, detected: i.detected, state: statusState(i, policy) }));

test('a period alone is a period: a year, a month, a quarter, in the languages read', () => {
  for (const t of ['2024', 'May 2024', '2024-05', 'Mai 2024', 'Q1 2024', '2024 H2', '2024年', '2024年5月', '**2023**']) assert.equal(isPeriodTitle(t), true, t);
  for (const t of ['2024 checkout outage', 'May', 'Q5 2024', 'INC-2024', '2024年5月3日', 'Sprint 2024', '12345']) assert.equal(isPeriodTitle(t), false, t);
});

test('dated items under the periods of a log are its incidents, and no period is one', () => {
  const log = [
    '# Incidents',
    '',
    '## 2024',
    '',
    '- 2024-05-03 — Cart emptied for logged-in users. In progress.',
    '- 2024-04-22 — Shipping priced at zero for three hours. Resolved.',
    '',
    '## 2023',
    '',
    '- 2023-12-12 — Order queue backed up during the sale. Resolved.',
    '',
  ].join('\n');
  assert.deepEqual(read(log), [
    { title: 'Cart emptied for logged-in users. In progress.', detected: '2024-05-03', state: 'active' },
    { title: 'Shipping priced at zero for three hours. Resolved.', detected: '2024-04-22', state: 'resolved' },
    { title: 'Order queue backed up during the sale. Resolved.', detected: '2023-12-12', state: 'resolved' },
  ]);
  // A period over prose alone tells no incident of its own.
  assert.deepEqual(read('# Incidents\n\n## 2024\n\nA quiet year for the checkout team, with two small outages.\n'), []);
});

test('slashed dates are read either way round, as the log writes its other dates', () => {
  const log = (items: string[]) => ['# Incidentes em produção', '', ...items.map((i) => `- **${i}`), ''].join('\n');
  // 22/04 says the day comes first: 03/05 is the 3rd of May.
  assert.deepEqual(
    read(log(['03/05/2024** — Carrinho esvaziando sozinho. Em andamento.', '22/04/2024** — Frete calculado como zero. Resolvido.'])).map((i) => [i.detected, i.state]),
    [['2024-05-03', 'active'], ['2024-04-22', 'resolved']],
  );
  // 04/22 says the month comes first: 03/05 is the 5th of March.
  assert.deepEqual(read(log(['03/05/2024** — Cart emptied itself. Resolved.', '04/22/2024** — Shipping priced at zero. Resolved.'])).map((i) => i.detected), ['2024-03-05', '2024-04-22']);
  // Nothing says which: the items are incidents, their day unknown (never a guess).
  assert.deepEqual(read(log(['03/05/2024** — Cart emptied itself. Resolved.', '04/06/2024** — Shipping priced at zero. Resolved.'])).map((i) => i.detected), [null, null]);
});

test('a status said as a sentence of its own is the status; one that ends it wins over one that does not', () => {
  const one = (body: string) => read(`# Outages\n\n## 2024-05-03 Cart emptied\n\n${body}\n`)[0].state;
  assert.equal(one('The session cookie had the wrong domain after the CDN move. Investigating.'), 'active');
  assert.equal(one('Cookie de sessão com domínio errado. Em andamento: correção pronta, aguardando deploy.'), 'active');
  assert.equal(one('Investigating. The cookie domain was wrong. Resolved.'), 'resolved');
  assert.equal(one('Resolved. Earlier: Investigating.'), 'resolved');
  // A part of the write-up labelled like a status is no status (`Monitoring: …`): the fix told decides.
  assert.equal(one('The cookie domain was wrong.\n\nMonitoring: an alert on empty carts was added.'), 'resolved');
  assert.equal(one('The cookie domain was wrong.\n\nMonitoring: an alert on empty carts.'), 'unknown');
});

test('a part that says it lists no incidents is none', () => {
  const log = '# Incidents\n\n- 2024-05-03 — Cart emptied for logged-in users. Resolved.\n- 2024-04-22 — Shipping priced at zero. Resolved.\n\n## Next steps (not incidents)\n\n- 2024-05-10 — review the autoscaling alerts before the campaign\n';
  assert.deepEqual(read(log).map((i) => i.detected), ['2024-05-03', '2024-04-22']);
  assert.deepEqual(read(log.replace('Next steps (not incidents)', 'Próximos passos (não são incidentes)')).length, 2);
});

test('a heading labelled by an incident word over two parts of an incident is one, its date in the title when it is ambiguous', () => {
  const log = [
    '# Incident Log - Booking system',
    '',
    '## Incidente: Crons de notificações desabilitados (02/04/2026)',
    '',
    '### Sintomas',
    '',
    'Nenhum lembrete foi enviado desde a migração.',
    '',
    '### Causa raiz',
    '',
    'Os crons foram removidos do arquivo de configuração.',
    '',
    '### Status atual: ✅ RESOLVIDO',
    '',
  ].join('\n');
  const found = read(log);
  assert.equal(found.length, 1);
  assert.equal(found[0].title, 'Crons de notificações desabilitados (02/04/2026)');
  // The label alone does not make a guide's section an incident.
  assert.deepEqual(read('# Runbook\n\n## Incident: what to do first\n\nPage the on-call engineer and open a channel.\n'), []);
});

test('sections under a period of a log are its incidents; where fixed ones are struck through, the others are open', () => {
  const log = [
    '# Mobile backend — production problems',
    '',
    '## 2024',
    '',
    '### ~~Push tokens not refreshed after reinstall~~ (Jan 12)',
    'The old token stayed on the account. Fixed by replacing tokens on login.',
    '',
    '### Image uploads fail on slow networks (Mar 19)',
    'The load balancer cuts uploads after 30 seconds on 3G. Resumable uploads are the way out.',
    '',
    '### ~~Dark mode reset on every update~~ (Apr 4)',
    'The setting lived in a cache key flushed on upgrade. Moved to the profile.',
    '',
  ].join('\n');
  assert.deepEqual(read(log).map((i) => [i.title, i.state]), [
    ['Push tokens not refreshed after reinstall (Jan 12)', 'resolved'],
    ['Image uploads fail on slow networks (Mar 19)', 'active'],
    ['Dark mode reset on every update (Apr 4)', 'resolved'],
  ]);
  // One struck through is no convention: the others keep what their words say.
  const single = log.replace('### ~~Dark mode reset on every update~~', '### Dark mode reset on every update');
  assert.deepEqual(read(single).map((i) => i.state), ['resolved', 'unknown', 'unknown']);
});
