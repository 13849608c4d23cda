// The theme and the layout keys applied to it.
import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../src/i18n.js';
import { resolveLayout } from '../../src/theme/layout.js';
import { defaultTheme, withBodySize } from '../../src/theme/theme.js';

describe('default theme', () => {
  it('has every role with sizes in points and #rrggbb colours', () => {
    const roles = ['body', 'title', 'subtitle', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'codeBlock', 'quote', 'link', 'caption', 'tableHeader', 'table', 'footnote'];
    expect(Object.keys(defaultTheme.roles).sort()).toEqual([...roles].sort());
    for (const [name, role] of Object.entries(defaultTheme.roles)) {
      expect(role.size, name).toBeGreaterThan(6);
      expect(role.color, name).toMatch(/^#[0-9a-f]{6}$/);
      expect(defaultTheme.fonts[role.font], name).toBeDefined();
    }
    expect(defaultTheme.roles.body.size).toBe(11);
    expect(defaultTheme.roles.h1.size).toBeGreaterThan(defaultTheme.roles.h2.size);
    expect(defaultTheme.page.size).toBe('a4');
  });

  it('names fonts for CSS, PDF and DOCX', () => {
    for (const family of Object.values(defaultTheme.fonts)) {
      expect(family.css).toMatch(/(serif|sans-serif|monospace)$/);
      expect(family.css.startsWith(`"${family.pdf}"`)).toBe(true);
      expect(family.docx).not.toBe('');
    }
  });

  it('scales every role with the body size', () => {
    const big = withBodySize(defaultTheme, 13.2);
    expect(big.roles.body.size).toBe(13.2);
    expect(big.roles.h1.size).toBe(24);
    expect(big.roles.body.spaceAfter).toBe(9.6);
    expect(withBodySize(defaultTheme, 11)).toBe(defaultTheme);
  });
});

describe('resolveLayout', () => {
  it('uses the theme when the front matter says nothing', () => {
    const layout = resolveLayout({});
    expect(layout.paper).toBe('a4');
    expect(layout.margins).toEqual(defaultTheme.page.margins);
    expect(layout.theme).toBe(defaultTheme);
    expect(layout.problems).toEqual([]);
  });

  it('applies papersize, margins per side and fontsize', () => {
    const layout = resolveLayout({ papersize: 'letter', margin: { top: '1in', left: '2cm' }, fontsize: '12pt' });
    expect(layout.size).toEqual({ width: 612, height: 792 });
    expect(layout.margins.top).toBe(72);
    expect(layout.margins.left).toBeCloseTo(56.69, 2);
    expect(layout.margins.right).toBe(defaultTheme.page.margins.right);
    expect(layout.theme.roles.body.size).toBe(12);
  });

  it('reports values it cannot use', () => {
    const layout = resolveLayout({ papersize: 'A9', margin: { top: 'lots' }, fontsize: '200pt' });
    expect(layout.problems.map((p) => p.key)).toEqual(['papersize', 'margin.top', 'fontsize']);
    expect(layout.paper).toBe('a4');
    expect(layout.theme.roles.body.size).toBe(11);
    expect(resolveLayout({ margin: '30cm' }).problems.map((p) => p.key)).toEqual(['margin']);
  });
});

describe('labels', () => {
  it('follow the primary language subtag, English otherwise', () => {
    expect(labelsFor('fr-CA')).toMatchObject({ footnotes: 'Notes', contents: 'Table des matières' });
    expect(labelsFor('DE').figure).toBe('Abbildung');
    for (const lang of ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl']) {
      const labels = labelsFor(lang);
      expect(Object.values(labels).every((value) => value.length > 0), lang).toBe(true);
    }
    expect(labelsFor('xx')).toEqual(labelsFor('en'));
    expect(labelsFor('toString')).toEqual(labelsFor('en'));
  });
});
