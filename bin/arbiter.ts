#!/usr/bin/env -S node --max-semi-space-size=128 --import tsx
import { buildProgram } from './program.js';
import { ignoreClosedOutput } from './closed-output.js';

ignoreClosedOutput(process.stdout);
ignoreClosedOutput(process.stderr);
await buildProgram().parseAsync(process.argv);
