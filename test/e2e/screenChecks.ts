// What "a screen a clerk can live in" means, measured inside the page (issue #15 "keep it so"): nothing wider than
// the window or cut off, no table row taller than two lines of text, no raw field names, no error text.
import type { Page } from 'playwright-core';

export interface ScreenFindings {
  overflow: string[];
  clipped: string[];
  tallRows: string[];
  rawText: string[];
  errorText: string[];
}

/** Runs in the browser; returns short descriptions of what is wrong on the current screen (empty lists = fine). */
export function inspectScreen(page: Page): Promise<ScreenFindings> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const name = (el: Element) => {
      const t = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const test = el.getAttribute('data-test');
      return `${el.tagName.toLowerCase()}${test ? `[${test}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} 「${t}」`;
    };
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0;
    };
    /** An element scrolled out of a scrolling/clipping ancestor is not "off-screen": the ancestor scrolls to it. */
    const insideScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') {
          return a.getBoundingClientRect().right <= vw + 1;
        }
      }
      return false;
    };
    const overflow: string[] = [];
    const clipped: string[] = [];
    const tallRows: string[] = [];
    if (document.documentElement.scrollWidth > vw + 1) overflow.push(`頁面寬 ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of Array.from(document.querySelectorAll('#app *'))) {
      if (!visible(el) || el.closest('.el-popper, .el-overlay, canvas')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && !insideScroller(el)) overflow.push(`${name(el)} right=${Math.round(r.right)}`);
      // text cut off: a leaf-ish element whose text is wider than its box while it hides the overflow
      const s = getComputedStyle(el);
      const leaf = el.children.length === 0 || el.classList.contains('cell');
      if (leaf && (s.overflowX === 'hidden' || s.textOverflow === 'ellipsis') && (el.textContent ?? '').trim() && el.scrollWidth > el.clientWidth + 1) {
        clipped.push(name(el));
      }
    }
    for (const row of Array.from(document.querySelectorAll('.el-table__row, .vtable__row'))) {
      // a table that mirrors a ministry form with multi-line cells says so (data-multiline); lists of people never do
      if (!visible(row) || row.closest('[data-multiline]')) continue;
      const cell = row.querySelector('.cell, .vtable__cell') ?? row;
      const lh = parseFloat(getComputedStyle(cell).lineHeight) || 23;
      // two lines of text plus the cell's padding (and a tag or button's extra height)
      if (row.getBoundingClientRect().height > 2 * lh + 28) tallRows.push(`${name(row)} h=${Math.round(row.getBoundingClientRect().height)}`);
    }
    const main = document.querySelector('.shell__main, #app') as HTMLElement;
    // file names and paths are shown as they are (data-verbatim); everything else is words for people
    const verbatim = Array.from(main.querySelectorAll<HTMLElement>('[data-verbatim]')).map((e) => e.innerText);
    const text = verbatim.reduce((t, v) => t.split(v).join(' '), main.innerText);
    const rawText: string[] = [];
    // snake_case and camelCase identifiers, ISO timestamps, zod/JS error words
    for (const re of [/\b[a-z]+_[a-z_]+\b/g, /\b[a-z]+[A-Z][A-Za-z]+\b/g, /\d{4}-\d{2}-\d{2}T\d/g, /\b(undefined|null|NaN|ZodError|INTERNAL)\b/g]) {
      for (const m of text.match(re) ?? []) rawText.push(m);
    }
    const errorText = Array.from(document.querySelectorAll('.el-alert--error, .load-error, .el-message--error'))
      .filter(visible)
      .map(name);
    void vh;
    return { overflow: overflow.slice(0, 8), clipped: clipped.slice(0, 8), tallRows: tallRows.slice(0, 5), rawText: [...new Set(rawText)].slice(0, 8), errorText };
  });
}
