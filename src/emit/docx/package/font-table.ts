// `word/fontTable.xml`: the theme's fonts with their generic family, so that
// a reader without them substitutes a font of the same kind (a serif for
// Cambria, a monospace for Consolas).
import type { FontKey, Theme } from '../../../theme/index.js';
import { attr, declaration, namespaces } from '../xml.js';

const family: Record<FontKey, { family: string; pitch: string }> = {
  serif: { family: 'roman', pitch: 'variable' },
  sans: { family: 'swiss', pitch: 'variable' },
  mono: { family: 'modern', pitch: 'fixed' },
};

export function fontTableXml(theme: Theme): string {
  const seen = new Set<string>();
  let xml = `${declaration}<w:fonts${namespaces('w')}>`;
  for (const key of ['serif', 'sans', 'mono'] as const) {
    const name = theme.fonts[key].docx;
    if (seen.has(name)) continue;
    seen.add(name);
    xml += `<w:font w:name="${attr(name)}"><w:charset w:val="00"/><w:family w:val="${family[key].family}"/><w:pitch w:val="${family[key].pitch}"/></w:font>`;
  }
  xml += '<w:font w:name="Cambria Math"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>';
  return `${xml}</w:fonts>`;
}
