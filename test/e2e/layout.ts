// Layout checks of the panels in the browser: how many editor groups the workbench shows, whether
// a panel's page is wider than its webview (a horizontal scrollbar, cut-off tables), and the
// contrast of a colour against the page's background (WCAG's relative luminance).
import type { FrameLocator, Page } from 'playwright-core';

/** The editor groups (columns) the workbench shows. */
export async function editorGroups(page: Page): Promise<number> {
  return page.locator('.part.editor .editor-group-container').count();
}

export interface PageOverflow {
  /** The page's width with everything in it, and the width it is shown at (document.documentElement). */
  scrollWidth: number;
  clientWidth: number;
  /**
   * What reaches past the page's right edge, outside any container that scrolls sideways on its
   * own (shadow roots included): "tag.class (right edge px)". A table clipped by an
   * `overflow: hidden` ancestor counts: its columns are cut off. The outermost such elements.
   */
  beyond: string[];
}

/** A function written as text (the test's TypeScript has no DOM types), to run in the page. */
export function inPage<A extends unknown[], R>(source: string): (root: unknown, ...args: A) => R {
  return new Function(`return ${source}`)() as (root: unknown, ...args: A) => R;
}

const measure = inPage<[], PageOverflow>(`(root) => {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const width = doc.documentElement.clientWidth;
  const parentOf = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || (el.assignedSlot || null);
  const scrollsSideways = (el) => ['auto', 'scroll'].includes(win.getComputedStyle(el).overflowX);
  const beyond = [];
  const walk = (node) => {
    for (const el of node.children) {
      const rect = el.getBoundingClientRect();
      let inScroller = false;
      for (let p = el.assignedSlot || parentOf(el); p && p !== doc.documentElement; p = p.assignedSlot || parentOf(p)) {
        if (p !== doc.body && scrollsSideways(p)) { inScroller = true; break; }
      }
      if (!inScroller && rect.width > 0 && rect.right > width + 1) {
        const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        beyond.push(el.localName + cls + ' (' + Math.round(rect.right) + ' px)');
        continue; // the outermost one names it
      }
      if (el.shadowRoot) walk(el.shadowRoot);
      walk(el);
    }
  };
  walk(doc.body);
  return { scrollWidth: doc.documentElement.scrollWidth, clientWidth: width, beyond: beyond.slice(0, 12) };
}`);

/** How the page of the webview `frame` fits its width. */
export async function pageOverflow(frame: FrameLocator): Promise<PageOverflow> {
  return frame.locator('html').evaluate(measure);
}

/** "scrollWidth 1210 > clientWidth 470; beyond: table (1190 px), ..." or undefined when the page fits. */
export function overflowProblem(o: PageOverflow): string | undefined {
  if (o.scrollWidth <= o.clientWidth && o.beyond.length === 0) return undefined;
  return `scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}${o.beyond.length ? `; beyond the right edge: ${o.beyond.join(', ')}` : ''}`;
}

const paint = inPage<[string], { colour: number[]; background: number[] }>(`(root, colour) => {
  const doc = root.ownerDocument;
  const bg = doc.defaultView.getComputedStyle(doc.body).backgroundColor;
  const canvas = doc.createElement('canvas');
  canvas.width = 2;
  canvas.height = 1;
  const g = canvas.getContext('2d');
  g.fillStyle = bg;
  g.fillRect(0, 0, 2, 1);
  g.fillStyle = colour;
  g.fillRect(0, 0, 1, 1);
  const d = g.getImageData(0, 0, 2, 1).data;
  return { colour: [d[0], d[1], d[2]], background: [d[4], d[5], d[6]] };
}`);

/**
 * `colour` (any CSS colour, translucent ones drawn over the page's background) and the page's
 * background as the page paints them, as [r, g, b] 0-255: both are drawn on a canvas and read back.
 */
export async function paintedColours(frame: FrameLocator, colour: string): Promise<{ colour: number[]; background: number[] }> {
  return frame.locator('html').evaluate(paint, colour);
}

/** WCAG 2 contrast ratio of two sRGB colours (1 to 21). */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const luminance = (rgb: readonly number[]) => {
    const [r, g, bl] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
