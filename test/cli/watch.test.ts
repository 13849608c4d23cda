// `galley watch` through the bundled command: edits to a document and to an
// image it uses rebuild it; a broken document prints its error and the
// watcher keeps running; SIGTERM stops it with exit code 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { galleyBin } from '../helpers/cli.js';
import { createWorkspace, type Workspace } from '../helpers/workspace.js';

const png = readFileSync(new URL('../../input/images/architecture.png', import.meta.url));
let ws: Workspace;
let child: ChildProcess | undefined;
let stderr = '';

/** Polls until `check` holds (a change is seen within moments; the long bound is for loaded machines). */
async function until(what: string, check: () => boolean, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}; standard error so far:\n${stderr}`);
    if (child?.exitCode !== null) throw new Error(`galley watch exited (${child?.exitCode}) while waiting for ${what}:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const read = (file: string) => {
  try {
    return readFileSync(ws.path(file), 'utf8');
  } catch {
    return '';
  }
};

beforeEach(() => {
  ws = createWorkspace({
    'input/a.md': '# Alpha\n\n![diagram](img/a.png)\n',
    'input/b.md': '# Beta\n',
    'input/img/a.png': png,
  });
  stderr = '';
});

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  ws.remove();
});

describe('galley watch', () => {
  it('rebuilds a document when it or its image changes, and survives a broken document', async () => {
    child = spawn(process.execPath, [galleyBin, 'watch', '--to', 'html,json'], {
      cwd: ws.dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await until('the first build', () => stderr.includes('galley: watching input for changes'));
    expect(stderr).toMatch(/^galley: 2 of 2 documents converted, 4 files written to output \(\d+\.\d\d s\)\n/);
    const bTime = statSync(ws.path('output/b.html')).mtimeMs;

    ws.write('input/a.md', '# Alpha, edited\n\n![diagram](img/a.png)\n');
    await until('the edited document', () => read('output/a.html').includes('Alpha, edited'));
    await until('its rebuild line', () => /\ngalley: rebuilt input\/a\.md \(\d+\.\d\d s\)\n/.test(stderr));

    const before = read('output/a.html');
    ws.write('input/img/a.png', Buffer.concat([png, Buffer.from('a new version')]));
    await until('the document using the image', () => read('output/a.html') !== before && read('output/a.html') !== '');
    expect(statSync(ws.path('output/b.html')).mtimeMs).toBe(bTime); // b.md uses no image: left alone

    ws.write('input/a.md', '---\ntitle: [unclosed\n---\n');
    await until('the error', () => /\ninput\/a\.md:\d+:\d+: error invalid front matter.*\[front-matter\]\n/.test(stderr));
    await until('its line', () => /\ngalley: failed input\/a\.md \(\d+\.\d\d s\)\n/.test(stderr));
    expect(child.exitCode).toBeNull();

    ws.write('input/a.md', '# Alpha is back\n');
    await until('the fixed document', () => read('output/a.html').includes('Alpha is back'));

    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child!.once('exit', (c) => resolve(c)));
    expect(code).toBe(0);
  });
});
