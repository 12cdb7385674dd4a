#!/usr/bin/env -S node --max-semi-space-size=128 --import tsx
import { buildProgram } from './program.js';

await buildProgram().parseAsync(process.argv);
