// The extension manifest: activation, trust, and where commands and chords are offered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const NEEDS_LOG = ['open', 'addTimelineEntry', 'setStatus', 'setSeverity', 'assignRole', 'resolve', 'copyId', 'checklist', 'openChecklist', 'startReview', 'filter', 'composeUpdate', 'composeSummary'].map((c) => `incidentPlaybook.${c}`);

test('activates on the log at its default place (not a glob over the whole workspace), and to restore a checklist, review, update, summary or metrics panel', () => {
  assert.deepEqual(pkg.activationEvents, ['workspaceContains:docs/INCIDENT_LOG.md', 'onWebviewPanel:incidentPlaybook.checklistPanel', 'onWebviewPanel:incidentPlaybook.reviewPanel', 'onWebviewPanel:incidentPlaybook.composePanel', 'onWebviewPanel:incidentPlaybook.summaryPanel', 'onWebviewPanel:incidentPlaybook.metricsPanel']);
});

test('declares limited support for untrusted workspaces and none for virtual ones', () => {
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.ok(pkg.capabilities.untrustedWorkspaces.description.length > 20);
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['incidentPlaybook.logPath']);
  assert.equal(pkg.capabilities.virtualWorkspaces, false);
});

test('commands and Alt+I chords that need a log are offered only where there is one; Declare always', () => {
  const needsLog = (when: string) => /incidentPlaybook\.logState != missing/.test(when) && /incidentPlaybook\.logState != no-folder/.test(when);
  const palette = new Map<string, string>(pkg.contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
  for (const command of NEEDS_LOG) assert.ok(needsLog(palette.get(command) ?? ''), `palette: ${command}`);
  assert.ok(!needsLog(palette.get('incidentPlaybook.declare') ?? ''));
  for (const k of pkg.contributes.keybindings as Array<{ command: string; key: string; when: string }>) {
    assert.match(k.key, /^alt\+i /);
    assert.equal(needsLog(k.when), k.command !== 'incidentPlaybook.declare', `${k.key} ${k.command}: ${k.when}`);
  }
});

test('a LICENSE (MIT) and the repository are named', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Incident Playbook contributors\n/);
  assert.equal(pkg.repository.type, 'git');
  assert.match(pkg.repository.url, /^https:\/\/github\.com\/.+\.git$/);
});

test('the marketplace listing: a 128×128 PNG icon that the VSIX ships, a banner, keywords, and a changelog', () => {
  const png = readFileSync(join(ROOT, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!media/*.png') && ignore.includes('!CHANGELOG.md'), 'the icon and the changelog are packaged');
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  for (const word of ['incident', 'on-call', 'postmortem', 'runbook', 'SRE']) assert.ok(pkg.keywords.includes(word), word);
  // The version being shipped has its section.
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version.replace(/\./g, '\\.');
  assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${version}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
});
