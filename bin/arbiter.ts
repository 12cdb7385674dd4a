#!/usr/bin/env -S node --max-semi-space-size=128 --import tsx
import { buildProgram } from './program.js';
import { ignoreClosedStdout } from './closed-stdout.js';

ignoreClosedStdout(process.stdout);
await buildProgram().parseAsync(process.argv);
