import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_DOC_PATH, renderConfigDoc } from './render.js';

const target = fileURLToPath(new URL(`../../${CONFIG_DOC_PATH}`, import.meta.url));
writeFileSync(target, renderConfigDoc());
process.stdout.write(`wrote ${target}\n`);
