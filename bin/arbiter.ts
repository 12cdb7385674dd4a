#!/usr/bin/env -S node --import tsx
import { buildProgram } from './program.js';

await buildProgram().parseAsync(process.argv);
