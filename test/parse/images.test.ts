import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleyData } from '../../src/document.js';
import { parse, type ParseOptions } from '../../src/parse/index.js';
import { selectAll } from '../helpers/select.js';

const png = new URL('../../input/images/architecture.png', import.meta.url).pathname;
const svg = new URL('../../input/images/pipeline.svg', import.meta.url).pathname;
let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'galley-images-'));
  root = path.join(base, 'root');
  mkdirSync(path.join(root, 'img', 'folder.png'), { recursive: true });
  mkdirSync(path.join(base, 'outside'));
  copyFileSync(png, path.join(root, 'img', 'ok image.png'));
  copyFileSync(svg, path.join(root, 'img', 'drawing.svg'));
  writeFileSync(path.join(root, 'img', 'fake.png'), 'this is text, not an image');
  copyFileSync(png, path.join(base, 'outside', 'secret.png'));
  symlinkSync(path.join(base, 'outside', 'secret.png'), path.join(root, 'img', 'link.png'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function load(markdown: string, options: ParseOptions = {}) {
  const doc = parse({ path: path.join(root, 'doc.md'), value: markdown }, { root, ...options });
  const images = selectAll(doc.tree, 'image');
  return { doc, images, data: galleyData(doc.file), rules: doc.file.messages.map((m) => m.ruleId) };
}

describe('images', () => {
  it('reads a local PNG (percent-encoded path) into an asset with its pixel size', () => {
    const { images, data, rules } = load('![diagram](img/ok%20image.png "Title")');
    expect(images[0]?.data).toEqual({ asset: 'img/ok image.png' });
    const asset = data.assets['img/ok image.png'];
    expect(asset).toMatchObject({ type: 'png', mediaType: 'image/png', width: 240, height: 135 });
    expect(asset?.bytes.length).toBe(2014);
    expect(rules).toEqual([]);
  });

  it('reads an SVG and its declared size', () => {
    const { data } = load('![pipeline](img/drawing.svg)');
    expect(data.assets['img/drawing.svg']).toMatchObject({ type: 'svg', width: 480, height: 120 });
  });

  it('stores an image used twice once', () => {
    const { images, data } = load('![a](img/ok%20image.png) ![b](<img/ok image.png>)');
    expect(images.map((i) => i.data?.asset)).toEqual(['img/ok image.png', 'img/ok image.png']);
    expect(Object.keys(data.assets)).toEqual(['img/ok image.png']);
  });

  it.each([
    ['img/missing.png', 'image-not-found', 'image "img/missing.png" not found; the alt text stands in'],
    ['../outside/secret.png', 'image-outside-root', 'outside the input folder'],
    ['../outside/no-such-file.png', 'image-outside-root', 'outside the input folder'],
    ['img/link.png', 'image-outside-root', 'outside the input folder'],
    ['/etc/hostname', 'image-outside-root', 'outside the input folder'],
    ['img/fake.png', 'image-not-an-image', 'is not a PNG, JPEG, GIF, WebP or SVG image'],
    ['img/folder.png', 'image-not-a-file', 'not a regular file'],
  ])('marks %s unresolved with a positioned warning (%s)', (url, rule, text) => {
    const { doc, images, data } = load(`Intro\n\n![alt text](${url})`);
    expect(images[0]?.data).toEqual({ unresolved: true });
    expect(data.assets).toEqual({});
    const [message] = doc.file.messages;
    expect(message?.ruleId).toBe(rule);
    expect(message?.reason).toContain(text);
    expect([message?.line, message?.column]).toEqual([3, 1]);
  });

  it('caps the image size', () => {
    const { doc } = load('![a](img/ok%20image.png)', { limits: { maxImageBytes: 1000 } });
    expect(doc.file.messages[0]?.ruleId).toBe('image-too-large');
  });

  it('caps the pixel count', () => {
    const { doc } = load('![a](img/ok%20image.png)', { limits: { maxImagePixels: 1000 } });
    expect(doc.file.messages[0]?.reason).toContain('240×135 pixels');
  });

  it('never fetches remote images, and says so', () => {
    const { images, doc, data } = load('![remote](https://example.org/x.png)');
    expect(images[0]?.data).toBeUndefined();
    expect(data.assets).toEqual({});
    expect(doc.file.messages[0]?.ruleId).toBe('remote-image');
  });

  it('decodes and sniffs inline data: images', () => {
    const { images, data } = load(`![dot](data:image/png;base64,${readFileSync(png).toString('base64')})`);
    const key = images[0]?.data?.asset as string;
    expect(key).toMatch(/^data:[0-9a-f]{16}$/);
    expect(data.assets[key]).toMatchObject({ type: 'png', width: 240 });
  });

  it('resolves image references through their definition', () => {
    const { doc, data } = load('![diagram][d]\n\n[d]: img/ok%20image.png');
    expect(selectAll(doc.tree, 'imageReference')[0]?.data).toEqual({ asset: 'img/ok image.png' });
    expect(Object.keys(data.assets)).toHaveLength(1);
  });

  it('reads nothing when assets are off', () => {
    const { images, doc } = load('![a](img/missing.png)', { assets: false });
    expect(images[0]?.data).toBeUndefined();
    expect(doc.file.messages).toEqual([]);
  });
});
