import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { BUILD_MARKER } from '../../src/node/publish.ts';
import { generateHelpCenter } from '../../bench/lib/generate.ts';
import { projectRoot } from '../../src/node/project-paths.ts';
import { buildContent } from './build-content.ts';


/** Every file under a folder with its bytes' digest, by relative path. */
async function tree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  // The marker names the build it belongs to, so it differs between any two builds.
  for (const entry of entries.filter((e) => e.isFile() && e.name !== BUILD_MARKER)) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return files;
}

async function assertSame(rebuilt: string, cold: string): Promise<void> {
  const [warm, fresh] = [await tree(rebuilt), await tree(cold)];
  const differ = [...new Set([...warm.keys(), ...fresh.keys()])].filter((file) => warm.get(file) !== fresh.get(file));
  assert.deepEqual(differ, [], `${rebuilt} differs from a cold build`);
}

async function edit(file: string, change: (text: string) => string) {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  assert.notEqual(changed, text, `${file} was not changed`);
  await writeFile(file, changed);
}

describe('incremental build', { concurrency: false }, () => {
  test('a rebuild with the cache kept reuses unchanged pages and equals a cold build, byte for byte', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'handrail-incremental-'));
    const content = path.join(root, 'content');
    const { files } = generateHelpCenter(60);
    for (const [relative, text] of files) {
      await mkdir(path.dirname(path.join(content, relative)), { recursive: true });
      await writeFile(path.join(content, relative), text);
    }
    for (const file of ['site.yaml', 'contact.yaml', 'synonyms.yaml']) await cp(path.join(projectRoot, 'content', file), path.join(content, file));
    // The cache folder astro.config.mjs gives this content set.
    const cacheDir = path.join(projectRoot, '.handrail/cache', createHash('sha1').update(content).digest('hex').slice(0, 12));
    await rm(cacheDir, { recursive: true, force: true });
    // Quiet, as a writer builds: the verbose rebuild below must still reuse its pages.
    const quiet = buildContent(content, path.join(root, 'first'), { verbose: false });
    assert.doesNotMatch(quiet, /├─/, 'a build without HANDRAIL_VERBOSE lists no pages');

    const inOrder = [...files.keys()].filter((f) => f.startsWith('articles/'));
    const articles = [...inOrder].sort();
    const markdown = articles.filter((f) => f.endsWith('.md'));
    const mdx = articles.filter((f) => f.endsWith('.mdx'));
    // A body; a title other pages show (as a neighbour and as related); an
    // MDX body; a removed article (the last generated: nothing links to it).
    await edit(path.join(content, markdown[0]!), (t) => `${t}\nOne more sentence.\n`);
    const linked = [...files.values()].join('\n').match(/related: \[([a-z0-9-]+)/)![1]!;
    const linkedFile = articles.find((f) => f.endsWith(`/${linked}.md`) || f.endsWith(`/${linked}.mdx`))!;
    await edit(path.join(content, linkedFile), (t) => t.replace(/^title: "(.*)"$/m, 'title: "$1, renamed"'));
    await edit(path.join(content, mdx.find((f) => f !== linkedFile)!), (t) => t.replace('## Before you start', '## Before you begin'));
    await rm(path.join(content, inOrder.at(-1)!));

    const output = buildContent(content, path.join(root, 'incremental'));
    const reused = output.match(/\((restored|cached)\)/g)?.length ?? 0;
    assert.ok(reused > 40, `most of the 59 article pages reused, got ${reused}`);

    // An article removed: the search index begun from the last build's pages is dropped (pagefind.ts).
    assert.match(output, /✓ Search index: \d+ pages\./);
    await rm(cacheDir, { recursive: true, force: true });
    buildContent(content, path.join(root, 'cold'));
    await assertSame(path.join(root, 'incremental'), path.join(root, 'cold'));

    // One article's body changed, built into the same output, as a preview is: the search
    // index is finished from the last build's pages, its files linked where unchanged.
    await edit(path.join(content, markdown[1]!), (t) => `${t}\nA sentence about zanzibar ferries.\n`);
    const again = buildContent(content, path.join(root, 'cold'));
    const indexed = Number(again.match(/✓ Search index: (\d+) pages \((\d+) unchanged since the last build/)?.[2]);
    assert.ok(indexed >= 40, `the unchanged articles' index entries are kept, got ${indexed}\n${again}`);
    await rm(cacheDir, { recursive: true, force: true });
    buildContent(content, path.join(root, 'cold-again'));
    await assertSame(path.join(root, 'cold'), path.join(root, 'cold-again'));
    await rm(cacheDir, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  });
});
