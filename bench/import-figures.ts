/**
 * Figures for moving in: imports each importer fixture into a scratch
 * project and counts, with the content check as the build runs it, the
 * problems before and after `npm run check -- --fix`, how many a baseline
 * would count as known, what no baseline can hold, and the redirects made.
 * The fixture's own site settings are the demo's with the languages the
 * import found declared, as a business moving in would set them.
 *
 *   npm run bench:import            prints a Markdown table (README, "Move in")
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import { countProblems, isKnowable } from '../src/node/check/baseline.ts';
import { fixContentFolder } from '../src/node/check/fix.ts';
import { checkContent } from '../src/node/check/index.ts';
import { allRedirects } from '../src/node/check/redirects.ts';
import { runImport, type ImportOptions } from '../src/node/import/run.ts';
import { projectRoot } from '../src/node/project-paths.ts';
import type { Problem } from '../src/shared/problems.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/import');
const cases: Array<{ name: string; source: ImportOptions['source']; input: string; oldHosts?: string[] }> = [
  { name: 'Zendesk Guide (Lumen)', source: 'zendesk', input: 'zendesk', oldHosts: ['help.lumen.example'] },
  { name: 'Intercom (Tally)', source: 'intercom', input: 'intercom' },
  { name: 'Help Scout Docs (Desk Nine)', source: 'helpscout', input: 'helpscout' },
  { name: 'Docusaurus (quill)', source: 'folder', input: 'folder/docusaurus/docs' },
  { name: 'MkDocs (quill)', source: 'folder', input: 'folder/mkdocs/docs' },
  { name: 'Jekyll (quill)', source: 'folder', input: 'folder/jekyll' },
  { name: 'Hugo (quill)', source: 'folder', input: 'folder/hugo/content' },
];

/** Languages of the translations the import wrote (refunds.fr.md → fr). */
async function translationLanguages(contentDir: string): Promise<string[]> {
  const files = await readdir(path.join(contentDir, 'articles'), { recursive: true });
  return [...new Set(files.map((f) => /\.([a-z]{2,3}(?:-[a-z0-9]+)*)\.mdx?$/.exec(String(f))?.[1]).filter((l): l is string => !!l))].sort();
}

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const rows: string[] = [];
for (const fixture of cases) {
  const project = await mkdtemp(path.join(tmpdir(), 'handrail-move-in-'));
  const contentDir = path.join(project, 'content');
  const publicDir = path.join(project, 'public');
  const { summary } = runImport({ source: fixture.source, input: path.join(fixtures, fixture.input), contentDir, publicDir, oldHosts: fixture.oldHosts });
  const site = parse(await readFile(path.join(projectRoot, 'content/site.yaml'), 'utf8')) as Record<string, unknown>;
  const languages = await translationLanguages(contentDir);
  delete site.locale;
  site.languages = [{ code: 'en', locale: 'en-GB' }, ...languages.map((code) => ({ code }))];
  await writeFile(path.join(contentDir, 'site.yaml'), stringify(site));
  // A contact file without the demo's category references (firstFor names demo categories).
  await cp(path.join(projectRoot, 'tests/fixtures/valid/contact.yaml'), path.join(contentDir, 'contact.yaml'));
  const paths = { root: project, contentDir, publicDir };

  const before = await checkContent(paths);
  const titles = new Map(before.articles.map((a) => [a.slug, a.data.title]));
  const fixed = await fixContentFolder(contentDir, (slug) => titles.get(slug));
  const after = await checkContent(paths);
  const known = Object.values(countProblems(paths, after.problems)).reduce((sum, rules) => sum + Object.values(rules).reduce((a, b) => a + (b ?? 0), 0), 0);
  const never = errors(after.problems).filter((p) => !isKnowable(p));
  const redirects = allRedirects(after.redirects, after.articles).length;
  const fixes = fixed.reduce((sum, f) => sum + f.result.fixed.length, 0);
  const suggested = fixed.reduce((sum, f) => sum + f.result.suggested.length, 0);
  rows.push(
    `| ${fixture.name} | ${summary.articles} (+${summary.translations} translations) | ${errors(before.problems).length} | ${fixes} | ${errors(after.problems).length} | ${suggested} | ${known} | ${never.length} | ${redirects} |`,
  );
  if (never.length) for (const p of never) console.error(`  ${fixture.name}: not baselinable: ${p.file.replace(/^content\//, '')}${p.line ? `:${p.line}` : ''} ${p.field ? `"${p.field}": ` : ''}${p.message}`);
  await rm(project, { recursive: true, force: true });
}
console.log('| Fixture | Articles imported | Errors before --fix | Fixed by --fix | Errors after | Listed with a suggestion | Counted by --baseline | Never baselined | Redirects |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
