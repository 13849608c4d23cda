// The worker thread's entry: it converts one document at a time for the pool
// (piscina). Emitters, their lazily loaded renderers, fonts and the gate are
// made once per worker and reused for every document it converts.
import { workerData } from 'node:worker_threads';
import { createRegistry, selectEmitters } from '../emit/registry.js';
import { createGate } from '../io/gate.js';
import { tuneIfAsked } from '../tiering.js';
import { convertDocument, type DocumentTask, type TaskContext, type TaskResult, type TaskSettings } from './task.js';

tuneIfAsked(); // the command's V8 budget (src/tiering.ts), now that this thread has started
const settings = workerData as TaskSettings;
const context: TaskContext = {
  settings,
  emitters: selectEmitters(createRegistry(), settings.formats),
  gate: createGate(settings.root),
};

export default function convert(task: DocumentTask): Promise<TaskResult> {
  return convertDocument(task, context);
}
