#!/usr/bin/env node
// The `galley` command.
import './tiering.js'; // first: before the rest of galley is loaded and run
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
