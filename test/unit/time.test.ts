import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDisplayTime, formatLogTime, parseLeadingTime, parseUserTime, resolveDisplayZone } from '../../src/core';

test('date-time shapes responders type', () => {
  const cases: Array<[string, string | null, string]> = [
    ['2026-11-20 14:30 UTC', '2026-11-20T14:30:00Z', 'datetime'],
    ['2026-11-20 14:30', '2026-11-20T14:30:00Z', 'datetime'],
    ['2026-11-20T14:30:00Z', '2026-11-20T14:30:00Z', 'datetime'],
    ['2026-11-20T16:30:00+02:00', '2026-11-20T14:30:00Z', 'datetime'],
    ['2026-11-20 09:30 EST', '2026-11-20T14:30:00Z', 'datetime'],
    ['2026-11-20 15:30 Europe/Berlin', '2026-11-20T14:30:00Z', 'datetime'],
    ['Nov 20, 2026 14:30 UTC', '2026-11-20T14:30:00Z', 'datetime'],
    ['20 November 2026', '2026-11-20', 'date'],
    ['2026/11/20', '2026-11-20', 'date'],
    ['14:30', '14:30:00', 'time'],
  ];
  for (const [input, value, kind] of cases) {
    const p = parseLeadingTime(input);
    assert.ok(p, input);
    assert.equal(p.value, value, input);
    assert.equal(p.kind, kind, input);
    assert.equal(p.invalid, false, input);
  }
});

test('impossible dates are flagged, not shifted', () => {
  for (const input of ['2026-02-30', '2026-13-01 10:00', '2026-11-20 25:00', '99:99']) {
    const p = parseLeadingTime(input);
    assert.ok(p?.invalid, input);
    assert.equal(p?.value, null, input);
  }
  assert.equal(parseLeadingTime('not a time'), undefined);
  assert.equal(parseLeadingTime('12345'), undefined);
});

test('a time zone from the playbook applies to times written without one', () => {
  assert.equal(parseLeadingTime('2026-07-01 10:00', 'Europe/Berlin')?.value, '2026-07-01T08:00:00Z');
  assert.equal(parseLeadingTime('2026-07-01 10:00 UTC', 'Europe/Berlin')?.value, '2026-07-01T10:00:00Z');
});

test('written form and --at', () => {
  const at = new Date('2026-11-20T14:30:00Z');
  assert.equal(formatLogTime(at), '2026-11-20 14:30 UTC');
  assert.equal(formatLogTime(at, 'Europe/Berlin'), '2026-11-20 15:30 +01:00');
  assert.equal(parseLeadingTime(formatLogTime(at, 'America/New_York'))?.value, '2026-11-20T14:30:00Z', 'round-trips');
  assert.equal(parseUserTime('2026-11-20T14:30:00Z')?.toISOString(), '2026-11-20T14:30:00.000Z');
  assert.equal(parseUserTime('yesterday'), undefined);
  assert.equal(parseUserTime('2026-11-20T14:30:00Z trailing'), undefined);
});

test('display zone: the setting, the playbook zone, local, and a typo falling back to UTC', () => {
  assert.equal(resolveDisplayZone('', 'UTC'), 'UTC');
  assert.equal(resolveDisplayZone(undefined, 'Europe/Berlin'), 'Europe/Berlin');
  assert.equal(resolveDisplayZone('playbook', 'America/New_York'), 'America/New_York');
  assert.equal(resolveDisplayZone('local', 'UTC', 'Asia/Tokyo'), 'Asia/Tokyo');
  assert.equal(resolveDisplayZone('local', 'UTC', 'Not/AZone'), 'UTC');
  assert.equal(resolveDisplayZone('Europe/Berlin', 'UTC'), 'Europe/Berlin');
  assert.equal(resolveDisplayZone('Mars/Olympus', 'Europe/Berlin'), 'UTC');
  assert.equal(formatDisplayTime('2026-11-20T14:30:00Z'), '2026-11-20 14:30 UTC');
  assert.equal(formatDisplayTime('2026-11-20T14:30:00Z', 'Europe/Berlin'), '2026-11-20 15:30 +01:00');
  assert.equal(formatDisplayTime('2026-11-20', 'Europe/Berlin'), '2026-11-20');
  assert.equal(formatDisplayTime('garbage-value-x', 'UTC'), 'garbage-value-x');
});

test('field dates with month words of other languages, and a month or a year alone at that precision', async () => {
  const { parseTimeValue } = await import('../../src/core/format/time');
  const cases: Array<[string, string, string | undefined]> = [
    ['16 июля 2026', '2026-07-16', undefined],
    ['October 2, 2025', '2025-10-02', undefined],
    ['2 de octubre de 2025', '2025-10-02', undefined],
    ['16. Juli 2026', '2026-07-16', undefined],
    ['3 sept. 2026', '2026-09-03', undefined],
    ['16 juillet 2026 à 14:30', '2026-07-16T14:30:00Z', undefined],
    // Dots between day, month and year: day first.
    ['07.10.2026', '2026-10-07', undefined],
    ['7.10.2026, 14:30 UTC', '2026-10-07T14:30:00Z', undefined],
    // Slashes: read only where a number above 12 says which is the day.
    ['28/07/2026', '2026-07-28', undefined],
    ['07/28/2026', '2026-07-28', undefined],
    ['28/07/2026 14:05 UTC', '2026-07-28T14:05:00Z', undefined],
    // Year, month and day written with their characters, a weekday in brackets at times.
    ['2025年12月24日', '2025-12-24', undefined],
    ['2025年12月24日（水） 09:30 JST', '2025-12-24T00:30:00Z', undefined],
    ['2025년 12월 24일', '2025-12-24', undefined],
    ['2025年3月5日 14:00', '2025-03-05T14:00:00Z', undefined],
    ['2026-07', '2026-07', 'month'],
    ['July 2026', '2026-07', 'month'],
    ['2025', '2025', 'year'],
  ];
  for (const [input, value, precision] of cases) {
    const p = parseTimeValue(input);
    assert.equal(p?.value, value, input);
    assert.equal(p?.precision, precision, input);
  }
  for (const input of ['12 fooo 2026', 'foo 2026', '99999', '2026-13', '10.25.2026', '7.10.26', '03/04/2026', '13/13/2026', '28/07/2026/1', '28/07/26', '2025年13月1日', '2025年12月']) assert.ok(!parseTimeValue(input)?.value, input);
  assert.equal(parseUserTime('2025'), undefined, 'a year is not a moment for --at');
});

test('ISO 8601 always: years 0–9999 with four digits, whatever the zone', async () => {
  const { formatIsoUtc, toDate } = await import('../../src/core/format/time');
  const cases: Array<[string, string]> = [
    ['0001-01-01 00:00 UTC', '0001-01-01T00:00:00Z'],
    ['0000-02-29 10:00 UTC', '0000-02-29T10:00:00Z'],
    ['0999-12-31 23:59', '0999-12-31T23:59:00Z'],
    // Years below 100 are not read as 19xx (Date.UTC's legacy rule) under a fixed offset.
    ['0099-03-01 10:00 +02:00', '0099-03-01T08:00:00Z'],
    ['0001-01-01 12:00 EST', '0001-01-01T17:00:00Z'],
    ['9999-12-31 23:59 UTC', '9999-12-31T23:59:00Z'],
  ];
  for (const [input, value] of cases) {
    const p = parseLeadingTime(input);
    assert.equal(p?.value, value, input);
    assert.equal(toDate(value)?.toISOString().replace('.000Z', 'Z'), value, `${input} reads back as the same instant`);
  }
  assert.equal(formatIsoUtc(new Date(Date.UTC(2026, 10, 20, 14, 30))), '2026-11-20T14:30:00Z');
  const yearOne = new Date(0);
  yearOne.setUTCFullYear(1, 0, 1);
  assert.equal(formatIsoUtc(yearOne), '0001-01-01T00:00:00Z');
});

test('a UTC instant past the year 9999 or before the year 0 is written as an ISO 8601 expanded year', async () => {
  const { formatIsoUtc, toDate } = await import('../../src/core/format/time');
  // 9999-12-31 23:59 five hours west of UTC is already the year 10000 in UTC.
  assert.equal(parseLeadingTime('9999-12-31 23:59 -05:00')?.value, '+010000-01-01T04:59:00Z');
  assert.equal(parseLeadingTime('0000-01-01 00:30 +01:00')?.value, '-000001-12-31T23:30:00Z');
  assert.equal(formatIsoUtc(toDate('+010000-01-01T04:59:00Z')!), '+010000-01-01T04:59:00Z', 'read back as written');
  assert.equal(toDate('-000001-12-31T23:30:00Z')?.getUTCFullYear(), -1);
});

test('a date that cannot be: before 1970, or more than a day after now', async () => {
  const { dateFault } = await import('../../src/core/format/time');
  const now = new Date('2026-12-01T12:00:00Z');
  assert.equal(dateFault(new Date('2026-12-01T12:00:00Z'), now), null);
  assert.equal(dateFault(new Date('2026-12-02T12:00:00Z'), now), null, 'a day ahead: a zone written wrong, clocks apart');
  assert.equal(dateFault(new Date('2026-12-02T12:00:01Z'), now), 'date-future');
  assert.equal(dateFault(new Date('9999-12-31T23:59:00Z'), now), 'date-future');
  assert.equal(dateFault(new Date('1970-01-01T00:00:00Z'), now), null);
  assert.equal(dateFault(new Date('1969-12-31T23:59:00Z'), now), 'date-too-early');
  assert.equal(dateFault(new Date('0001-01-01T00:00:00Z'), now), 'date-too-early');
});
