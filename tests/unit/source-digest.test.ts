import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { scriptSourcesDigest } from '../../src/node/source-digest.ts';

test('a change to any script source, even one loaded on demand, changes the pages\' key', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'handrail-digest-'));
  for (const folder of ['src/browser/deep', 'src/shared', 'src/translations']) mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, 'src/browser/deep/loaded-later.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'src/shared/x.ts'), 'export const b = 1;\n');
  writeFileSync(path.join(root, 'src/translations/en.json'), '{}\n');
  const before = scriptSourcesDigest(root);
  assert.equal(scriptSourcesDigest(root), before, 'the same files give the same digest');
  writeFileSync(path.join(root, 'src/browser/deep/loaded-later.ts'), 'export const a = 2;\n');
  const changed = scriptSourcesDigest(root);
  assert.notEqual(changed, before);
  writeFileSync(path.join(root, 'src/translations/cy.json'), '{}\n');
  assert.notEqual(scriptSourcesDigest(root), changed, 'a new file counts');
});
