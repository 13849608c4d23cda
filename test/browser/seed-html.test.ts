// The seed press release's HTML as a reader sees it, in headless Chromium.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { galley } from '../helpers/cli.js';
import { createWorkspace, type Workspace } from '../helpers/workspace.js';

const seedPath = new URL('../../input/communique-presse-numerique.md', import.meta.url).pathname;
let ws: Workspace;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ws = createWorkspace({ 'seed.md': readFileSync(seedPath) });
  const result = galley(['convert', 'seed.md', '-o', 'seed.html'], { cwd: ws.dir });
  expect(result.code).toBe(0);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  await page.goto(`file://${ws.path('seed.html')}`);
});

afterAll(async () => {
  await browser?.close();
  ws?.remove();
});

describe('the seed in a browser', () => {
  it('is French and titled by its heading', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.title()).toBe(
      'Remise à Axelle LEMAIRE du rapport d’Akim OURAL sur la Gouvernance des politiques numériques sur les territoires',
    );
  });

  it('shows every paragraph of the source', async () => {
    const document = parse({ path: seedPath, value: readFileSync(seedPath) });
    const paragraphs = document.tree.children.filter((n) => n.type === 'paragraph').map((p) => toString(p));
    expect(paragraphs).toHaveLength(12);
    const shown = await page.$$eval('body p', (ps) =>
      ps.filter((p) => p.getBoundingClientRect().height > 0).map((p) => (p.textContent ?? '').replace(/\s+/g, '')),
    );
    // Whitespace aside: a hard break is a <br> in HTML and nothing in the tree's text.
    for (const text of paragraphs) expect(shown).toContain(text.replace(/\s+/g, ''));
  });

  it('sets the level-2 heading in bold', async () => {
    const weight = await page.$eval('h2', (h) => {
      const strong = h.querySelector('strong') ?? h;
      return Number(getComputedStyle(strong).fontWeight);
    });
    expect(weight).toBeGreaterThanOrEqual(600);
  });

  it('keeps both links clickable', async () => {
    const links = await page.$$eval('a[href]', (as) =>
      as.filter((a) => a.getBoundingClientRect().width > 0).map((a) => [a.getAttribute('href'), a.textContent]),
    );
    expect(links).toContainEqual(['http://www.economie.gouv.fr', 'www.economie.gouv.fr']);
    expect(links).toContainEqual([
      'mailto:sec.senum-presse@cabinets.finances.gouv.fr',
      'sec.senum-presse@cabinets.finances.gouv.fr',
    ]);
  });

  it('keeps the hard line breaks of the address block', async () => {
    const lines = await page.$eval('body p', (p) => (p as HTMLElement).innerText.split('\n').map((l) => l.trim()));
    expect(lines).toEqual([
      'AXELLE LEMAIRE',
      'SECRÉTAIRE D’ÉTAT AU NUMÉRIQUE,',
      'AUPRES DU MINISTRE DE L’ÉCONOMIE, DE L’INDUSTRIE ET DU NUMÉRIQUE',
    ]);
  });

  it('never starts a line with », :, ;, ! or ? at any width', async () => {
    const offenders: string[] = [];
    for (let width = 240; width <= 720; width += 40) {
      await page.setViewportSize({ width, height: 1200 });
      const starts = await page.evaluate(() => {
        const result: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let lastTop = -Infinity;
        let lastBlock: Element | null = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const block = node.parentElement?.closest('p, h1, h2, h3, li, td, th, blockquote') ?? null;
          if (block !== lastBlock) {
            lastBlock = block;
            lastTop = -Infinity;
          }
          for (let i = 0; i < text.length; i++) {
            if (/\s/.test(text[i]!)) continue;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            if (rect.top > lastTop + 2) result.push(text.slice(i, i + 12));
            lastTop = Math.max(lastTop, rect.top);
          }
        }
        return result;
      });
      expect(starts.length).toBeGreaterThan(20);
      for (const start of starts) if (/^[»:;!?]/.test(start)) offenders.push(`${width}px: ${start}`);
    }
    expect(offenders).toEqual([]);
  });
});
