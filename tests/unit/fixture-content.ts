import { rmSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkContent } from '../../src/node/check/index.ts';
import { formatProblem } from '../../src/shared/problems.ts';
import { projectRoot, publicDir } from '../../src/node/project-paths.ts';

/** The fixture folders, relative to the project root. */
export const FIXTURES = path.join(projectRoot, 'tests/fixtures');

/** Fixture copies made by this test process, removed when it exits (a day of test runs had left 9,600 in the temporary folder). */
const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A content folder made of the valid fixture with one broken case laid on
 * top (tests/fixtures/broken/<name>/ holds only the files that differ).
 * It lasts until the test process ends.
 */
export async function fixtureContent(brokenCase?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'handrail-content-'));
  made.push(dir);
  await cp(path.join(FIXTURES, 'valid'), dir, { recursive: true });
  if (brokenCase) await cp(path.join(FIXTURES, 'broken', brokenCase), dir, { recursive: true, force: true });
  return dir;
}

/** Checks a fixture and returns its problems, both as objects and as the text a writer reads. */
export async function checkFixture(brokenCase?: string) {
  const contentDir = await fixtureContent(brokenCase);
  // File names are reported relative to the content folder's parent, as "content/…" would be.
  const result = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir });
  const prefix = `${path.basename(contentDir)}/`;
  const problems = result.problems.map((p) => ({ ...p, file: p.file.replace(prefix, 'content/') }));
  return { ...result, problems, text: problems.map(formatProblem).join('\n\n') };
}
