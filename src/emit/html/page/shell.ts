// The standalone page around the (already sanitized) body content: doctype,
// `<html lang dir>`, a head with metadata and the theme's CSS, and `<main>`.
// It is added after the sanitizer on purpose: the schema must never allow
// `<style>` or `<meta>`, and nothing here comes from the document except the
// metadata, which goes into text and attribute values (escaped on output).
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { Meta } from '../../../document.js';
import { version } from '../../../version.js';

const nl = { type: 'text', value: '\n' } as const;

function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

const metaName = (name: string, content: string) => element('meta', { name, content });

export function pageShell(content: Root, meta: Meta, css: string): Root {
  const head: ElementContent[] = [
    element('meta', { charSet: 'utf-8' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('title', {}, [{ type: 'text', value: meta.title }]),
  ];
  if (meta.description) head.push(metaName('description', meta.description));
  if (meta.keywords.length > 0) head.push(metaName('keywords', meta.keywords.join(', ')));
  if (meta.authors.length > 0) head.push(metaName('author', meta.authors.map((a) => a.name).join(', ')));
  if (meta.date) head.push(metaName('dcterms.date', meta.date));
  head.push(metaName('generator', `galley ${version}`));
  head.push(element('style', {}, [{ type: 'text', value: css }]));

  const body = content.children.filter((node): node is ElementContent => node.type !== 'doctype');
  const main = element('main', {}, [nl, ...trimLineEndings(body), nl]);
  const html = element('html', { lang: meta.lang, dir: meta.dir }, [
    nl,
    element('head', {}, [nl, ...head.flatMap((node) => [node, nl])]),
    nl,
    element('body', {}, [nl, main, nl]),
    nl,
  ]);
  const children: RootContent[] = [{ type: 'doctype' }, nl, html, nl];
  return { type: 'root', children };
}

function trimLineEndings(nodes: ElementContent[]): ElementContent[] {
  let start = 0;
  let end = nodes.length;
  const blank = (node: ElementContent | undefined) => node?.type === 'text' && node.value.trim() === '';
  while (start < end && blank(nodes[start])) start++;
  while (end > start && blank(nodes[end - 1])) end--;
  return nodes.slice(start, end);
}
