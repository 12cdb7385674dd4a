#!/usr/bin/env -S node --max-semi-space-size=128
import { buildProgram } from './program.js';
import { ignoreClosedOutput } from './closed-output.js';

ignoreClosedOutput(process.stdout);
ignoreClosedOutput(process.stderr);
await (await buildProgram()).parseAsync(process.argv);
