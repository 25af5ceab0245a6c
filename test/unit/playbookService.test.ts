import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { serviceOf } from '../../src/core/playbook/service';

test('a playbook may name its service; without one there is none', () => {
  assert.equal(serviceOf(loadPolicy('service: payments\n')), 'payments');
  assert.equal(serviceOf(loadPolicy('timeZone: UTC\n')), undefined);
  assert.throws(() => loadPolicy('service: ""\n'), /service/);
});
