// Run one command as a whole process and measure its wall time and peak memory.
//
// Wall time: process.hrtime.bigint() from just before spawn() to the child's 'exit'.
// Peak memory, by one of two methods (chosen once per run of the benchmark):
//   - 'time': GNU time (`/usr/bin/time -f %M -o FILE cmd …`) writes the maximum resident
//     set size in KiB. The kernel reports the largest single process of the tree (the
//     child or one of its waited-for descendants), not their sum.
//   - 'proc': poll /proc/<pid>/status VmHWM (and that of the child's descendants) every
//     few ms. VmHWM is a high-water mark, so the last reading of each process is its
//     peak; the figure is the largest of them. Growth in the last few ms before exit
//     can be missed, so treat it as a slight underestimate.
//
// Each child runs in its own process group, so a timeout (or Ctrl-C of the benchmark)
// kills the whole tree, including the process under GNU time and any workers.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 5;
const OUTPUT_CAP = 64 * 1024; // keep at most this much of a child's stdout/stderr

/** The children running right now (normally one), so that Ctrl-C can kill them. */
export const running = new Set();

/** Kill a child's whole process group (it was spawned detached, so it leads one). */
export function killTree(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

/**
 * Choose how peak memory is measured: 'time' (GNU time, preferred), 'proc' (polling),
 * or 'none'. `preferred` ('time' | 'proc' | undefined) forces a method.
 */
export function detectMemoryMethod(preferred) {
  if (preferred !== 'proc' && existsSync(GNU_TIME)) {
    // Make sure it is GNU time (busybox's has no -f/-o) and that %M works here.
    const dir = mkdtempSync(join(tmpdir(), 'galley-bench-probe-'));
    try {
      const file = join(dir, 'rss');
      const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', file, process.execPath, '-e', ''], { stdio: 'ignore' });
      const kib = r.status === 0 && existsSync(file) ? parseTimeFile(readFileSync(file, 'utf8')) : null;
      if (kib > 0) {
        return { kind: 'time', label: `GNU time (${GNU_TIME} -f %M): max RSS of the largest process in the child's tree` };
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (preferred === 'time') throw new Error(`GNU time is not usable at ${GNU_TIME} (apt-get install time)`);
  if (existsSync('/proc/self/status')) {
    return { kind: 'proc', label: `polling /proc/<pid>/status VmHWM every ${POLL_MS} ms (largest process of the child's tree; may miss the last ms)` };
  }
  return { kind: 'none', label: 'not measured (neither GNU time nor /proc available)' };
}

/** GNU time's -o file: "Command exited with non-zero status N" (maybe), then the %M line. */
function parseTimeFile(text) {
  const lines = text.trim().split('\n').reverse();
  const line = lines.find((l) => /^\d+$/.test(l.trim()));
  return line ? Number(line.trim()) : null;
}

function readVmHWM(pid) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null; // exited (or a kernel thread)
  }
}

/** The pid and all its descendants, via /proc/<pid>/task/<tid>/children. */
function processTree(pid) {
  const out = [];
  const stack = [pid];
  while (stack.length > 0 && out.length < 10_000) {
    const p = stack.pop();
    out.push(p);
    let tids = [];
    try { tids = readdirSync(`/proc/${p}/task`); } catch { continue; }
    for (const tid of tids) {
      try {
        const kids = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        if (kids) for (const k of kids.split(/\s+/)) stack.push(Number(k));
      } catch { /* gone */ }
    }
  }
  return out;
}

let seq = 0;

/**
 * Run `file args…` once. Resolves (never rejects) with
 *   { status: 'ok' | 'fail' | 'timeout', exitCode, signal, wallS, peakKiB, stdout, stderr }
 * peakKiB is null when it could not be measured.
 */
export function runOnce({ file, args, cwd, env, timeoutMs, memory, scratch }) {
  return new Promise((resolve) => {
    let command = file;
    let argv = args;
    let timeFile = null;
    if (memory.kind === 'time') {
      timeFile = join(scratch, `rss-${process.pid}-${seq++}.txt`);
      command = GNU_TIME;
      argv = ['-f', '%M', '-o', timeFile, file, ...args];
    }

    let stdout = '';
    let stderr = '';
    let exitAt = null;
    let timedOut = false;
    let settled = false;
    const lastHWM = new Map(); // pid -> last VmHWM reading (kB)

    const t0 = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);

    const sample = () => {
      for (const pid of processTree(child.pid)) {
        const kb = readVmHWM(pid);
        if (kb !== null) lastHWM.set(pid, kb);
      }
    };
    const poll = memory.kind === 'proc' && child.pid ? setInterval(sample, POLL_MS) : null;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) killTree(child.pid);
    }, timeoutMs);

    child.stdout.on('data', (d) => { if (stdout.length < OUTPUT_CAP) stdout += d; });
    child.stderr.on('data', (d) => { if (stderr.length < OUTPUT_CAP) stderr += d; });

    const finish = (exitCode, signal, spawnError) => {
      if (settled) return;
      settled = true;
      const end = exitAt ?? process.hrtime.bigint();
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      running.delete(child);
      let peakKiB = null;
      if (timeFile) {
        try { peakKiB = parseTimeFile(readFileSync(timeFile, 'utf8')); } catch { /* killed before writing */ }
        rmSync(timeFile, { force: true });
      } else if (lastHWM.size > 0) {
        peakKiB = Math.max(...lastHWM.values());
      }
      const status = timedOut ? 'timeout' : spawnError || exitCode !== 0 ? 'fail' : 'ok';
      if (spawnError) stderr = `${spawnError.message}\n${stderr}`;
      resolve({ status, exitCode, signal, wallS: Number(end - t0) / 1e9, peakKiB, stdout, stderr });
    };

    child.on('exit', () => {
      exitAt = process.hrtime.bigint();
      if (poll) clearInterval(poll); // the process is gone; its last readings stand
    });
    child.on('error', (err) => finish(null, null, err));
    child.on('close', (code, signal) => finish(code, signal, null));
  });
}

/** Median of a list of numbers (mean of the two middle values for an even count). */
export function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
