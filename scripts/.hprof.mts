import { Session } from 'node:inspector';
import { readFileSync, writeFileSync } from 'node:fs';
import { defaultPolicy, indexLog } from '../src/core/index.ts';
import { readOnce } from '../src/core/indexer.ts';
const text = readFileSync('/work/main/.bench/log-2000.md', 'utf8');
const policy = defaultPolicy();
const bodies = process.env.BODIES === '1';
for (let i = 0; i < 5; i++) { const x = indexLog(text, { policy }); if (bodies) for (const inc of x.incidents) readOnce(inc); }
const s = new Session(); s.connect();
const post = (m: string, p?: object) => new Promise<any>((res, rej) => s.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (let i = 0; i < 5; i++) { const x = indexLog(text, { policy }); if (bodies) for (const inc of x.incidents) readOnce(inc); }
const { profile } = await post('HeapProfiler.stopSampling');
const self = new Map<string, number>();
const walk = (n: any) => { const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) ?? 0) + n.selfSize); n.children.forEach(walk); };
walk(profile.head);
let total = 0; for (const v of self.values()) total += v;
console.log('total MB per run', (total / 5 / 1e6).toFixed(2));
[...self].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 5 / 1e6).toFixed(3), k));
const callers = new Map<string, number>();
const walk2 = (n: any, parent: string) => { const name = n.callFrame.functionName; if (name === (process.env.FN ?? 'exec')) callers.set(parent, (callers.get(parent) ?? 0) + n.selfSize); n.children.forEach((c: any) => walk2(c, name || parent)); };
walk2(profile.head, '');
console.log('--- callers of', process.env.FN ?? 'exec');
[...callers].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log((v / 5 / 1e6).toFixed(3), k));
