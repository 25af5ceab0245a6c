// The metrics chart's bar colours (webview/metrics/chartColours.ts): the theme's chart colours made
// opaque and, when too close to the editor's background, moved towards white or black until they
// reach 3:1 (WCAG's minimum for graphics) — in Dark Modern and Light Modern, every severity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRAPHICS_CONTRAST, type Rgb, contrastRatio, cssHex, opaqueColour, readableOn } from '../../webview/metrics/chartColours';

/** VS Code's default chart colours (charts.red, .orange, .yellow, .blue, .purple, .green) and editor backgrounds. */
const THEMES: Record<string, { background: string; charts: string[] }> = {
  'Dark Modern': { background: '#1F1F1F', charts: ['#F14C4C', '#EA5C0055', '#CCA700', '#59a4f9', '#B180D7', '#89D185'] },
  'Light Modern': { background: '#FFFFFF', charts: ['#E51400', '#EA5C0055', '#BF8803', '#0063d3', '#652D90', '#388A34'] },
};

test('colours as the theme and computed styles give them, alpha dropped', () => {
  assert.deepEqual(opaqueColour('#EA5C0055'), [234, 92, 0]);
  assert.deepEqual(opaqueColour('#ea5c00'), [234, 92, 0]);
  assert.deepEqual(opaqueColour('#f80'), [255, 136, 0]);
  assert.deepEqual(opaqueColour('#f808'), [255, 136, 0]);
  assert.deepEqual(opaqueColour('rgb(31, 31, 31)'), [31, 31, 31]);
  assert.deepEqual(opaqueColour('rgba(234, 92, 0, 0.33)'), [234, 92, 0]);
  assert.deepEqual(opaqueColour(' rgb(234 92 0 / 33%) '), [234, 92, 0]);
  for (const bad of ['', 'orange', 'var(--x)', '#12345', 'rgb(1, 2)']) assert.equal(opaqueColour(bad), undefined, bad);
});

test('contrast ratio: WCAG 2 values', () => {
  assert.equal(contrastRatio([0, 0, 0], [255, 255, 255]), 21);
  assert.equal(contrastRatio([255, 255, 255], [0, 0, 0]), 21);
  assert.equal(contrastRatio([31, 31, 31], [31, 31, 31]), 1);
  assert.ok(Math.abs(contrastRatio([118, 118, 118], [255, 255, 255]) - 4.54) < 0.01);
});

test('the translucent charts.orange (SEV-2) drew brown on Dark Modern and peach on Light Modern; opaque, it reaches 3:1 on both', () => {
  // What the canvas drew before: a third of the orange over the background.
  const over = (c: Rgb, bg: Rgb, a: number): Rgb => [0, 1, 2].map((i) => Math.round(c[i] * a + bg[i] * (1 - a))) as unknown as Rgb;
  const orange = opaqueColour('#EA5C0055')!;
  assert.ok(contrastRatio(over(orange, [31, 31, 31], 0x55 / 255), [31, 31, 31]) < 2);
  assert.ok(contrastRatio(over(orange, [255, 255, 255], 0x55 / 255), [255, 255, 255]) < 2);
  assert.ok(contrastRatio(orange, [31, 31, 31]) >= GRAPHICS_CONTRAST);
  assert.ok(contrastRatio(orange, [255, 255, 255]) >= GRAPHICS_CONTRAST);
});

test('every chart colour of Dark Modern and Light Modern reaches 3:1 against its editor background', () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    const background = opaqueColour(theme.background)!;
    for (const c of theme.charts) {
      const bar = readableOn(opaqueColour(c)!, background);
      assert.ok(contrastRatio(bar, background) >= GRAPHICS_CONTRAST, `${name}: ${c} → ${cssHex(bar)}`);
    }
  }
});

test('a colour too close to the background is darkened on a light one and lightened on a dark one, just enough', () => {
  const white: Rgb = [255, 255, 255];
  const dark: Rgb = [31, 31, 31];
  const yellow: Rgb = [255, 221, 0];
  const onWhite = readableOn(yellow, white);
  assert.ok(contrastRatio(onWhite, white) >= 3 && contrastRatio(onWhite, white) < 3.1, cssHex(onWhite));
  assert.ok(onWhite[0] < yellow[0] && onWhite[0] > onWhite[2], `still a yellow, darker: ${cssHex(onWhite)}`);
  const maroon: Rgb = [90, 20, 20];
  const onDark = readableOn(maroon, dark);
  assert.ok(contrastRatio(onDark, dark) >= 3 && contrastRatio(onDark, dark) < 3.1, cssHex(onDark));
  assert.ok(onDark[0] > maroon[0] && onDark[0] > onDark[1], `still a red, lighter: ${cssHex(onDark)}`);
  // Already enough: unchanged.
  assert.deepEqual(readableOn([229, 20, 0], white), [229, 20, 0]);
  assert.equal(cssHex([234, 92, 0]), '#ea5c00');
});
