// zone.ts against luxon (a development dependency kept as the oracle): the wall clock of an
// instant, and the instant of a wall clock, in zones with DST at both ends of the year, half-hour
// and quarter-hour offsets, a 30-minute DST shift, and a day skipped at the date line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { addDays, dayInZone, isValidZone, offsetText, startOfDay, wallClockAt, wallClockToInstant, weekdayOf } from '../../src/core/format/zone';

const ZONES = ['UTC', 'Etc/UTC', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Apia', 'Pacific/Auckland', 'America/St_Johns'];

test('the wall clock of an instant is luxon\'s, every 7 h 13 min across 2011–2027, in every zone', () => {
  let compared = 0;
  for (const zone of ZONES) {
    for (let ms = Date.UTC(2011, 0, 1); ms < Date.UTC(2027, 0, 1); ms += (7 * 60 + 13) * 60_000) {
      const w = wallClockAt(ms, zone);
      const l = DateTime.fromMillis(ms, { zone });
      const got = [w.year, w.month, w.day, w.hour, w.minute, w.second, w.weekday, w.offset];
      const want = [l.year, l.month, l.day, l.hour, l.minute, l.second, l.weekday, l.offset];
      if (got.join() !== want.join()) assert.deepEqual(got, want, `${zone} at ${new Date(ms).toISOString()}`);
      compared++;
    }
  }
  assert.ok(compared > 200_000, `compared ${compared}`);
});

test('the instant of a wall clock: the one instant that shows it, the offset before a DST gap for a skipped time, one of the two for a time shown twice', () => {
  let exact = 0;
  let skipped = 0;
  let twice = 0;
  let luxonDiffers = 0;
  for (const zone of ZONES) {
    // Every 15 minutes of the days around each change of offset from 2019 to 2026 (luxon finds them).
    const days = new Set<string>(['2024-02-29', '2026-06-15']);
    if (zone === 'Pacific/Apia') days.add('2011-12-29').add('2011-12-31');
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3 * 3_600_000) {
      if (DateTime.fromMillis(ms, { zone }).offset !== DateTime.fromMillis(ms + 3 * 3_600_000, { zone }).offset) {
        const day = DateTime.fromMillis(ms, { zone }).toISODate()!;
        days.add(addDays(day, -1)).add(day).add(addDays(day, 1));
      }
    }
    for (const day of days) {
      const [y, mo, d] = day.split('-').map(Number);
      for (let m = 0; m < 24 * 60; m += 15) {
        const h = Math.floor(m / 60);
        const mi = m % 60;
        const got = wallClockToInstant(zone, y, mo, d, h, mi);
        const asUtc = Date.UTC(y, mo - 1, d, h, mi);
        // The offsets in force a few hours either side; the instants among them that show this wall clock.
        const before = DateTime.fromMillis(asUtc - 14 * 3_600_000, { zone }).offset;
        const after = DateTime.fromMillis(asUtc + 14 * 3_600_000, { zone }).offset;
        const candidates = [...new Set([before, after])].map((o) => asUtc - o * 60_000).filter((t) => {
          const w = wallClockAt(t, zone);
          return w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi;
        });
        if (DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone }).toMillis() !== got) luxonDiffers++;
        if (candidates.length === 0) {
          assert.equal(got, asUtc - before * 60_000, `${zone} ${day} ${h}:${mi} is skipped: moved forward by the change`);
          skipped++;
        } else if (candidates.length === 1) {
          assert.equal(got, candidates[0], `${zone} ${day} ${h}:${mi}`);
          exact++;
        } else {
          assert.ok(candidates.includes(got), `${zone} ${day} ${h}:${mi} is shown twice: one of them`);
          twice++;
        }
      }
    }
  }
  assert.ok(exact > 20_000 && skipped > 50 && twice > 50, `exact ${exact}, skipped ${skipped}, twice ${twice}`);
  // luxon guesses from today's offset, so it parts from the truth only around changes; most agree.
  assert.ok(luxonDiffers < (exact + skipped + twice) / 20, `luxon differs on ${luxonDiffers}`);
});

test('a day begins at its first existing minute; impossible dates and unknown zones are NaN', () => {
  // Pacific/Apia skipped 2011-12-30 altogether; Sao Paulo's DST began at midnight in 2018.
  assert.equal(dayInZone(startOfDay('2011-12-31', 'Pacific/Apia'), 'Pacific/Apia'), '2011-12-31');
  assert.equal(new Date(startOfDay('2018-11-04', 'America/Sao_Paulo')).toISOString(), '2018-11-04T03:00:00.000Z');
  assert.equal(DateTime.fromISO('2018-11-04', { zone: 'America/Sao_Paulo' }).toMillis(), startOfDay('2018-11-04', 'America/Sao_Paulo'));
  for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-01', 'yesterday']) assert.ok(Number.isNaN(startOfDay(bad, 'UTC')), bad);
  assert.ok(Number.isNaN(startOfDay('2026-03-01', 'Mars/Olympus')));
  assert.ok(Number.isNaN(wallClockToInstant('Europe/Berlin', 2026, 3, 1, 24, 0)));
});

test('zone names: IANA names in any case are zones; offsets, abbreviations the runtime lacks and empty text are not', () => {
  for (const z of ['UTC', 'utc', 'Europe/Berlin', 'america/new_york', 'Etc/GMT+5']) assert.equal(isValidZone(z), true, z);
  for (const z of ['', '+03:00', '-0500', 'Mars/Olympus', 'Europe/Berlinn', undefined, null]) assert.equal(isValidZone(z), false, String(z));
});

test('calendar days, weekdays and offsets as text', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('0001-01-01', 0), '0001-01-01');
  assert.equal(weekdayOf('2026-12-06'), 7);
  assert.equal(weekdayOf('2026-12-07'), 1);
  assert.deepEqual([offsetText(0), offsetText(180), offsetText(-300), offsetText(345), offsetText(-570)], ['+00:00', '+03:00', '-05:00', '+05:45', '-09:30']);
});
