// The colours of the chart's bars: the theme's chart colours, made opaque and, where they are too
// close to the editor's background, darkened (light themes) or lightened (dark themes) until they
// stand out from it by WCAG's 3:1 for graphics. VS Code's charts.orange, for one, is the find-match
// highlight, a third opaque: a translucent orange that draws brown on Dark Modern and peach on
// Light Modern. Pure functions (no DOM), so unit tests read them directly.

export type Rgb = readonly [number, number, number];

/** WCAG's minimum contrast for graphical objects (a bar) against what is next to them. */
export const GRAPHICS_CONTRAST = 3;

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/**
 * A colour as the theme's variables and the computed styles give it: `#rgb`, `#rgba`, `#rrggbb`,
 * `#rrggbbaa`, `rgb(r, g, b)`, `rgba(r, g, b, a)` or `rgb(r g b / a)`; its alpha is dropped (the
 * colour at full strength). Undefined for anything else.
 */
export function opaqueColour(text: string): Rgb | undefined {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (hex) {
    const h = hex[1].length <= 4 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(s);
  if (fn) return [clamp(Number(fn[1])), clamp(Number(fn[2])), clamp(Number(fn[3]))];
  return undefined;
}

/** WCAG 2's relative luminance of an sRGB colour (0 black, 1 white). */
export function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [clamp(a[0] + (b[0] - a[0]) * t), clamp(a[1] + (b[1] - a[1]) * t), clamp(a[2] + (b[2] - a[2]) * t)];

/**
 * `colour` if it stands out from `background` by `min` already; else the least mix of it with
 * white (on a dark background) or black (on a light one) that does, keeping its hue.
 */
export function readableOn(colour: Rgb, background: Rgb, min = GRAPHICS_CONTRAST): Rgb {
  if (contrastRatio(colour, background) >= min) return colour;
  // Towards whichever end is further from the background: that end reaches the ratio if any does.
  const toward: Rgb = contrastRatio([255, 255, 255], background) >= contrastRatio([0, 0, 0], background) ? [255, 255, 255] : [0, 0, 0];
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 20; i++) {
    const t = (lo + hi) / 2;
    if (contrastRatio(mix(colour, toward, t), background) >= min) hi = t;
    else lo = t;
  }
  return mix(colour, toward, hi);
}

/** `#rrggbb`. */
export function cssHex(rgb: Rgb): string {
  return `#${rgb.map((v) => clamp(v).toString(16).padStart(2, '0')).join('')}`;
}
