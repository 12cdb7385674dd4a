import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONFIG_DOC_PATH, renderConfigDoc } from '../../config/docs/render.js';
import { leaves } from '../../config/introspect.js';

test('docs/config.md is current with the schema (refresh: npx tsx config/docs/write.ts)', () => {
  const onDisk = readFileSync(new URL(`../../${CONFIG_DOC_PATH}`, import.meta.url), 'utf8');
  assert.equal(onDisk, renderConfigDoc());
});

test('every config key has a description and an ARBITER_ variable in the doc', () => {
  const doc = renderConfigDoc();
  for (const leaf of leaves()) {
    assert.ok(doc.includes(`\`${leaf.envName}\``), leaf.envName);
    assert.match(doc, new RegExp(`\\| \`${leaf.path.join('\\.')}\` \\|.*\\| [^|]+ \\|$`, 'm'), `${leaf.path.join('.')} needs .describe()`);
  }
});
