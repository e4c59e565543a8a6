import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/node/check/index.ts';
import { publicDir } from '../../src/node/project-paths.ts';
import { formatProblem, formatProblemHeadline, type Problem } from '../../src/shared/problems.ts';
import { hostileArticle } from '../fixtures/hostile/article.ts';
import { markdownDefinitions, markdownImportPayloads, markdownPayloads, mdxCodePayloads, mdxHtmlPayloads, type Payload } from '../fixtures/hostile/payloads.ts';
import { checkFixture, fixtureContent } from './fixture-content.ts';

/** Checks a content folder (and optionally another public/) and returns its problems with "content/…" file names. */
async function check(contentDir: string, publicFolder = publicDir) {
  const result = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir: publicFolder });
  const prefix = `${path.basename(contentDir)}/`;
  const problems = result.problems.map((p) => ({ ...p, file: p.file.replace(prefix, 'content/') }));
  return { problems, errors: problems.filter((p) => p.severity === 'error'), text: problems.map(formatProblem).join('\n\n') };
}

/** The headline of every error, the way the writer sees it. */
function headlines(problems: Problem[]): string[] {
  return problems.filter((p) => p.severity === 'error').map(formatProblemHeadline);
}

const SETS: { file: string; payloads: Payload[]; tail?: string }[] = [
  { file: 'hostile-html.md', payloads: markdownPayloads, tail: markdownDefinitions },
  { file: 'hostile-imports.md', payloads: markdownImportPayloads },
  { file: 'hostile-html.mdx', payloads: mdxHtmlPayloads },
  { file: 'hostile-code.mdx', payloads: mdxCodePayloads },
];

describe('hostile articles: every payload is an error on its own line', () => {
  for (const set of SETS) {
    test(`${set.file}: ${set.payloads.length} payloads, each reported where it is written`, async () => {
      const dir = await fixtureContent();
      const article = hostileArticle(`Hostile ${set.file}`, set.payloads, set.tail);
      await writeFile(path.join(dir, 'articles/billing', set.file), article.text);
      const { errors, text } = await check(dir);
      const file = `content/articles/billing/${set.file}`;
      const missing = set.payloads.filter((_, i) => !errors.some((e) => e.file === file && e.line === article.lines[i]));
      assert.deepEqual(missing.map((p) => p.text), [], `payloads with no error on their line:\n${text}`);
      assert.ok(errors.every((e) => e.file === file), `only the hostile article has errors:\n${text}`);
      assert.ok(errors.every((e) => e.fix && !/^(Error|Oops)/.test(e.message)), 'every error says what to do, in plain words');
    });
  }
});

describe('hostile articles: the wording the writer reads', () => {
  const cases: { name: string; payload: string; format: 'md' | 'mdx'; expected: string[] }[] = [
    {
      name: 'an import',
      format: 'mdx',
      payload: `import host from '/etc/hostname?raw'`,
      expected: [
        'content/articles/billing/hostile.mdx:8:1 error: has an import statement: articles cannot load code or files',
        `    Received: "import host from '/etc/hostname?raw'"`,
        '    Fix:      Remove the line. Components need no import; write the text itself.',
      ],
    },
    {
      name: 'an export',
      format: 'mdx',
      payload: 'export const home = process.env.HOME',
      expected: ['content/articles/billing/hostile.mdx:8:1 error: has an export statement: articles cannot define code'],
    },
    {
      name: 'an expression in text',
      format: 'mdx',
      payload: 'Your folder is {process.env.HOME}.',
      expected: [
        'content/articles/billing/hostile.mdx:8:16 error: has a JavaScript expression in { }, which articles cannot run',
        '    Received: "{process.env.HOME}"',
        '    Fix:      Components need no import; write the text itself. To show a "{", write \\{.',
      ],
    },
    {
      name: 'an expression attribute',
      format: 'mdx',
      payload: '<Callout title={process.env.HOME}>Careful</Callout>',
      expected: ['content/articles/billing/hostile.mdx:8:1 error: "title": the attribute "title" on <Callout> is a JavaScript expression', '    Fix:      Write the value in quotes, like title="…".'],
    },
    {
      name: 'a spread attribute',
      format: 'mdx',
      payload: '<Callout {...globalThis}>Careful</Callout>',
      expected: ['content/articles/billing/hostile.mdx:8:1 error: <Callout> has a spread attribute {…}, which runs JavaScript'],
    },
    {
      name: 'a script',
      format: 'md',
      payload: '<script>alert(1)</script>',
      expected: ['content/articles/billing/hostile.md:8:1 error: <script> is not allowed in an article: it runs code', '    Fix:      Remove it: articles cannot run code.'],
    },
    {
      name: 'an event handler',
      format: 'md',
      payload: '<img src="/images/wheel-divider.svg" alt="" onerror="alert(1)">',
      expected: ['content/articles/billing/hostile.md:8:1 error: "onerror": the "onerror" attribute on <img> runs code', '    Received: "onerror="alert(1)""', '    Fix:      Remove onerror="…": articles cannot run code.'],
    },
    {
      name: 'a javascript: link hidden by a tab',
      format: 'md',
      payload: '<a href="java&#x09;script:alert(1)">Reset</a>',
      expected: ['content/articles/billing/hostile.md:8:1 error: "href": links to an address that could run code or open data, not a web page', '    Received: "java\tscript:alert(1)"'],
    },
    {
      name: 'a mail link that copies every message to a stranger',
      payload: '[Write to us](mailto:help@fixture.example?bcc=spy@evil.example)',
      format: 'md',
      expected: ['content/articles/billing/hostile.md:8:1 error: "href": is an email link that also writes to other addresses (cc, bcc, or more than one), or is not an email address', '    Received: "mailto:help@fixture.example?bcc=spy@evil.example"', '    Fix:      Link to one address only, like mailto:help@fixture.example; readers would not see who else gets their message.'],
    },
    {
      name: 'a mail link to two addresses, in HTML',
      payload: '<a href="mailto:help@fixture.example,spy@evil.example?subject=Refund">Write to us</a>',
      format: 'md',
      expected: ['content/articles/billing/hostile.md:8:1 error: "href": is an email link that also writes to other addresses (cc, bcc, or more than one), or is not an email address'],
    },
    {
      name: 'an iframe',
      format: 'md',
      payload: '<iframe src="https://video.example/embed/1"></iframe>',
      expected: ['content/articles/billing/hostile.md:8:1 error: <iframe> is not allowed in an article: it shows another website inside the page'],
    },
    {
      name: 'a style attribute',
      format: 'mdx',
      payload: '<div style="color: red">Red</div>',
      expected: ['content/articles/billing/hostile.mdx:8:1 error: "style": the "style" attribute on <div> is not allowed'],
    },
    {
      name: 'a picture from another site',
      format: 'md',
      payload: '![A tracker](https://evil.example/track.png)',
      expected: [
        'content/articles/billing/hostile.md:8:1 error: "src": shows a picture whose address is not a file of this site',
        '    Allowed:  a picture in public/images/, written as /images/<file>',
      ],
    },
    {
      name: 'a picture by a relative path',
      format: 'md',
      payload: '![The package file](../../../package.json)',
      expected: ['content/articles/billing/hostile.md:8:1 error: "src": shows a picture by a relative path, which the build would load as a file from the project'],
    },
    {
      name: 'a link out of public/',
      format: 'md',
      payload: '[The package file](/images/%2e%2e/%2e%2e/package.json)',
      expected: ['content/articles/billing/hostile.md:8:1 error: "href": leads outside public/ once its ".." parts are resolved'],
    },
    {
      name: 'a relative link out of the content folder',
      format: 'md',
      payload: '[The package file](../../../package.json)',
      expected: ['content/articles/billing/hostile.md:8:1 error: "href": is a relative link that leads outside the content folder'],
    },
  ];
  for (const expected of cases) {
    test(expected.name, async () => {
      const dir = await fixtureContent();
      await writeFile(path.join(dir, `articles/billing/hostile.${expected.format}`), hostileArticle('Hostile', [{ category: '', text: expected.payload }]).text);
      const { text } = await check(dir);
      for (const line of expected.expected) assert.ok(text.split('\n').includes(line), `missing line\n${line}\nin:\n${text}`);
    });
  }

  test('a comment in { } is allowed: it compiles to nothing', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/hostile.mdx'), hostileArticle('Hostile', [{ category: '', text: '{/* A note for other writers */}' }]).text);
    assert.deepEqual((await check(dir)).errors, []);
  });
});

describe('settings are data', () => {
  test('site.yaml: every address has its one allowed form', async () => {
    const { problems, text } = await checkFixture('unsafe-site');
    assert.deepEqual(headlines(problems), [
      'content/site.yaml:7 error: "logo.src": is not a path on this site',
      'content/site.yaml:3 error: "url": starts with "ftp:", which is not a web address',
      'content/site.yaml:10 error: "repository.url": starts with "javascript:", which is not a web address',
      'content/site.yaml:11 error: "repository.branch": is not valid',
    ]);
    assert.match(text, /Allowed: {2}the address of the site only, starting with https:\/\/, like "https:\/\/help\.example\.com"/);
    assert.match(text, /Allowed: {2}a branch name like "main"/);
  });

  test('contact.yaml: bare email addresses, digits for phones, https for links', async () => {
    const { problems, text } = await checkFixture('unsafe-contact');
    assert.deepEqual(headlines(problems), [
      'content/contact.yaml:6 error: "channels[0].value": is not valid',
      'content/contact.yaml:11 error: "channels[1].value": has "?", "&", "%" or "#" in it, which would add hidden recipients, a subject or text to every customer\'s email',
      'content/contact.yaml:16 error: "channels[2].value": has a name, spaces or more than one address in it',
      'content/contact.yaml:20 error: "channels[3].value": has a name, spaces or more than one address in it',
      'content/contact.yaml:24 error: "channels[4].value": starts with "javascript:", which is not a web address',
      'content/contact.yaml:29 error: "channels[5].value": has characters that do not belong in a web address (quotes, <, >, \\, {, } or similar)',
      'content/contact.yaml:34 error: "channels[6].value": starts with "data:", which is not a web address',
      'content/contact.yaml:1 error: "feedbackEndpoint": has moved: the address events are sent to is now "collector" in content/site.yaml',
    ]);
    assert.match(text, /Fix: {6}Write the address alone, like help@example\.com\. Put a name for customers in "display"\./);
    assert.match(text, /Fix: {6}Remove this line, and write collector: with the address of your collector \(npm run listen\) in content\/site\.yaml\./);
    assert.match(text, /Allowed: {2}an international number starting with \+ and the country code/);
  });

  const more: { value: string; kind: string; message: string }[] = [
    { kind: 'email', value: 'mailto:help@fixture.example', message: 'starts with "mailto:"' },
    { kind: 'email', value: 'help@fixture.example, spy@evil.example', message: 'has a name, spaces or more than one address in it' },
    { kind: 'email', value: 'help@fixture.example&cc=spy@evil.example', message: 'has "?", "&", "%" or "#" in it, which would add hidden recipients, a subject or text to every customer\'s email' },
    { kind: 'chat', value: 'http://chat.fixture.example/', message: 'starts with http://, which is not encrypted' },
    { kind: 'chat', value: 'https://user:secret@chat.fixture.example/', message: 'has a user name or password in it' },
    { kind: 'chat', value: '//chat.fixture.example/', message: 'is not a full web address' },
    { kind: 'chat', value: 'https://chat.fixture.example/\tstart', message: 'has spaces or invisible characters in it' },
    { kind: 'chat', value: 'vbscript:msgbox', message: 'starts with "vbscript:", which is not a web address' },
    { kind: 'chat', value: 'https://\u0430pple.com/chat', message: 'has letters from other alphabets in its server name, which can imitate another site\'s name; browsers read it as "xn--pple-43d.com"' },
    { kind: 'chat', value: 'https://2130706433/', message: 'writes its server name in a form browsers read as "127.0.0.1"' },
    { kind: 'sms', value: '+44 7700 900000?body=hi', message: 'is not valid' },
    { kind: 'relay', value: '18001 020 7946 0321#', message: 'is not valid' },
  ];
  for (const bad of more) {
    test(`a ${bad.kind} channel with ${JSON.stringify(bad.value)} is refused`, async () => {
      const dir = await fixtureContent();
      const hours = ['chat', 'relay'].includes(bad.kind) ? '    alwaysOpen: true\n' : '';
      await writeFile(
        path.join(dir, 'contact.yaml'),
        `channels:\n  - id: phone\n    kind: phone\n    label: Phone\n    value: "+44 20 7946 0000"\n    alwaysOpen: true\n  - id: bad\n    kind: ${bad.kind}\n    label: Bad\n    value: ${JSON.stringify(bad.value)}\n${hours}`,
      );
      const { problems, text } = await check(dir);
      assert.deepEqual(headlines(problems), [`content/contact.yaml:10 error: "channels[1].value": ${bad.message}`], text);
    });
  }

  test('a display that shows another number or address than the link uses is refused', async () => {
    const dir = await fixtureContent();
    for (const lang of ['cy', 'ar']) await rm(path.join(dir, `contact.${lang}.yaml`), { force: true });
    const channel = (id: string, kind: string, value: string, display: string) => `  - id: ${id}\n    kind: ${kind}\n    label: ${id}\n    value: "${value}"\n    display: "${display}"\n${kind === 'email' ? '' : '    alwaysOpen: true\n'}`;
    await writeFile(
      path.join(dir, 'contact.yaml'),
      'channels:\n' +
        channel('premium', 'phone', '+44 909 879 0000', '020 7946 0000') +
        channel('spy', 'email', 'spy@evil.example', 'help@fixture.example') +
        channel('vanity-wrong', 'phone', '+1 800 356 9378', '1-800-FLOWERS') +
        // What real help centers write, all fine:
        channel('national', 'phone', '+44 20 7946 0000', '020 7946 0000 (Mon to Fri)') +
        channel('trunk', 'sms', '+44 7700 900321', '+44 (0)7700 900321') +
        channel('us', 'phone', '+1 555 123 4567', '(555) 123-4567') +
        channel('vanity', 'phone', '+1 800 356 9377', '1-800-FLOWERS') +
        channel('words', 'phone', '+44 20 7946 0001', 'Call the shop') +
        channel('named', 'email', 'help@fixture.example', 'Help@Fixture.example'),
    );
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), [
      'content/contact.yaml:6 error: "channels[0].display": shows a different number from the one the link dials (value)',
      'content/contact.yaml:12 error: "channels[1].display": shows a different email address from the one the link writes to (value)',
      'content/contact.yaml:17 error: "channels[2].display": shows a different number from the one the link dials (value)',
    ], text);
    assert.match(text, /Allowed: {2}the number in value \(\+44 909 879 0000\), written as customers dial it/);
    assert.match(text, /Allowed: {2}the address in value \(spy@evil\.example\), or a name without an address/);
  });

  test('a translated display is held to the same number', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'contact.cy.yaml'), 'channels:\n  - id: phone\n    label: Ffôn\n    display: "0909 879 0000"\n');
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/contact.cy.yaml:4 error: "channels[0].display": shows a different number from the one the link dials (value)'], text);
  });

  test('the collector\'s address is https (http for localhost only), and the old feedbackEndpoint says where it went', async () => {
    const dir = await fixtureContent();
    const site = await readFile(path.join(dir, 'site.yaml'), 'utf8');
    await writeFile(path.join(dir, 'site.yaml'), `${site}collector: http://listen.evil.example\n`);
    const contact = await readFile(path.join(dir, 'contact.yaml'), 'utf8');
    await writeFile(path.join(dir, 'contact.yaml'), `feedbackEndpoint: https://votes.fixture.example/\n${contact}`);
    const { problems, text } = await check(dir);
    assert.deepEqual(
      headlines(problems).map((line) => line.replace(/:\d+ /, ':N ')).sort(),
      [
        'content/contact.yaml:N error: "feedbackEndpoint": has moved: the address events are sent to is now "collector" in content/site.yaml',
        'content/site.yaml:N error: "collector": starts with http://, which is not encrypted',
      ].sort(),
      text,
    );
    assert.match(text, /Fix: {6}Use https:\/\/listen\.evil\.example instead\./);
    assert.match(text, /Received: "https:\/\/votes\.fixture\.example\/"/);
  });

  test('a basePath with "." or ".." is refused: "/../" built a _headers rule that matched no page, so no page got the CSP header', async () => {
    for (const basePath of ['/../', '/help/./']) {
      const dir = await fixtureContent();
      const site = await readFile(path.join(dir, 'site.yaml'), 'utf8');
      await writeFile(path.join(dir, 'site.yaml'), `${site}basePath: ${basePath}\n`);
      const { problems, text } = await check(dir);
      assert.deepEqual(headlines(problems), ['content/site.yaml:13 error: "basePath": is not valid'], text);
      assert.match(text, /Allowed: {2}a path that starts and ends with "\/", like "\/" or "\/help\/", with no "\." or "\.\." part/);
    }
  });

  test('http is allowed for localhost only, and a site address with a path names basePath as the fix', async () => {
    const dir = await fixtureContent();
    // This contact file has none of the channels the fixture's translations name.
    for (const lang of ['cy', 'ar']) await rm(path.join(dir, `contact.${lang}.yaml`), { force: true });
    await writeFile(path.join(dir, 'contact.yaml'), `channels:\n  - id: chat\n    kind: chat\n    label: Chat\n    value: http://127.0.0.1:9000/chat\n    alwaysOpen: true\n`);
    await writeFile(path.join(dir, 'site.yaml'), 'name: Fixture Help\ntagline: A tagline.\nurl: https://help.fixture.example/help/\ncollector: http://localhost:8787\ntimeZone: Europe/London\nrepository:\n  url: https://github.com/example/fixture-help\n');
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/site.yaml:3 error: "url": has a path, query or #part after the address']);
    assert.match(text, /Fix: {6}Write https:\/\/help\.fixture\.example here; a sub-path belongs in basePath \(e\.g\. basePath: \/help\/\)\./);
  });
});

describe('YAML is plain data', () => {
  test('escapes that put invisible characters in a value: control characters, a lone surrogate, a direction override', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/odd.md'), '---\ntitle: "Refund \\0 policy"\ndescription: "Bell \\u0007 and \\uD800."\ntags: [refunds, "a\u202Egnp.exe"]\n---\n\nText.\n');
    const contact = await readFile(path.join(dir, 'contact.yaml'), 'utf8');
    await writeFile(path.join(dir, 'contact.yaml'), contact.replace('label: Phone', 'label: "Phone\\e[31m"'));
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems).sort(), [
      'content/articles/billing/odd.md:2 error: has an invisible control character (U+0000), which would be published as it is',
      'content/articles/billing/odd.md:3 error: has an invisible control character (U+0007), which would be published as it is',
      'content/articles/billing/odd.md:4 error: has a direction override (U+202E), which shows the text in another order than it is written',
      'content/contact.yaml:4 error: has an invisible control character (U+001B), which would be published as it is',
    ], text);
    assert.match(text, /Received: "Refund \\u0000 policy"/);
    assert.match(text, /Received: "a\\u202Egnp\.exe"/, 'the override is shown escaped, so the terminal does not reorder the line');
    assert.match(text, /Fix: {6}Remove the character; in quotes it is often written as the escape "\\0"\./);
  });

  test('a title or description of zero-width characters only is refused: it shows as an empty heading', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/blank.md'), '---\ntitle: "\u200B"\ndescription: "\u200B\u200D\u2060"\n---\n\nText.\n');
    await writeFile(path.join(dir, 'articles/billing/fine.md'), '---\ntitle: "\u062A\u0631\u062C\u0645\u0629 \u200F(PDF)"\ndescription: "👋"\n---\n\nText.\n');
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), [
      'content/articles/billing/blank.md:2 error: "title": has only invisible characters, which show as an empty heading',
      'content/articles/billing/blank.md:3 error: "description": has only invisible characters, which show as an empty line in search results',
    ], text);
  });

  test('a number too large to hold is shown as Infinity, not as null', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/big.md'), '---\ntitle: Big\ndescription: A big order.\norder: 1e400\n---\n\nText.\n');
    const { text } = await check(dir);
    assert.match(text, /big\.md:4 error: "order": should be a number\n {4}Received: Infinity\n/);
  });

  test('an alias where text was meant: the fix quotes it', async () => {
    const { problems, text } = await checkFixture('yaml-alias');
    assert.deepEqual(headlines(problems), ['content/articles/getting-started/welcome.md:3 error: starts with "*", which YAML reads as a reference to another value (an alias), not as text']);
    assert.match(text, /Fix: {6}Write it in quotes: "\*Important\*"\. \(Markdown emphasis does not work here\.\)/);
  });

  test('emphasis followed by more text: the syntax error says to quote it', async () => {
    const { problems, text } = await checkFixture('yaml-alias-text');
    assert.deepEqual(headlines(problems), ['content/articles/getting-started/welcome.md:3:26 error: the YAML could not be read: Unexpected scalar at node end']);
    assert.match(text, /Fix: {6}Text that starts with "\*" must be in quotes: description: "\*Important\* read this first\."/);
  });

  test('an alias bomb is reported line by line, never expanded', async () => {
    const started = performance.now();
    const { problems } = await checkFixture('yaml-alias-bomb');
    assert.ok(performance.now() - started < 5000, 'no expansion');
    assert.ok(headlines(problems).includes('content/synonyms.yaml:2 error: has a YAML anchor (&a), a name for reusing the value elsewhere'));
    assert.ok(headlines(problems).includes('content/synonyms.yaml:8 error: starts with "*", which YAML reads as a reference to another value (an alias), not as text'));
    assert.ok(problems.length <= 20, 'one problem per line and kind, at most 20');
  });

  test('a merge key', async () => {
    const { problems } = await checkFixture('yaml-merge-key');
    assert.ok(headlines(problems).includes('content/contact.yaml:8 error: "<<": is a YAML merge key, which copies fields from elsewhere in the file'));
  });

  test('a tag', async () => {
    const { problems } = await checkFixture('yaml-tag');
    assert.ok(headlines(problems).includes('content/categories/billing.yaml:1 error: has a YAML tag (!!binary), which changes how the value is read'));
  });

  test('nesting that would exhaust the parser is a problem, not a crash', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'synonyms.yaml'), `groups: ${'['.repeat(20000)}`);
    const { problems } = await check(dir);
    assert.ok(headlines(problems).some((h) => h.startsWith('content/synonyms.yaml:1:') && h.endsWith('the YAML could not be read: it is nested too deeply')), JSON.stringify(problems));
  });
});

describe('files are what they say', () => {
  const SECRET = 'never-shown-8c1f';

  /** A file outside the content folder that a link could point at. */
  async function secretFile(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-secret-'));
    const file = path.join(dir, 'secret.md');
    await writeFile(file, `---\ntitle: ${SECRET}\ndescription: ${SECRET}\n---\n\n${SECRET}\n`);
    return file;
  }

  test('a symlinked article is reported and never read', async () => {
    const dir = await fixtureContent();
    await symlink(await secretFile(), path.join(dir, 'articles/billing/leak.md'));
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/articles/billing/leak.md error: is a symbolic link: files in the content folder must be real files and folders, never links to somewhere else']);
    assert.ok(!text.includes(SECRET), 'the linked file was never read');
  });

  test('a symlinked folder is reported and never followed', async () => {
    const dir = await fixtureContent();
    await symlink(path.dirname(await secretFile()), path.join(dir, 'articles/leaks'));
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/articles/leaks error: is a symbolic link: files in the content folder must be real files and folders, never links to somewhere else']);
    assert.ok(!text.includes(SECRET));
  });

  test('a symlinked settings file is reported once, never read', async () => {
    const dir = await fixtureContent();
    await rm(path.join(dir, 'site.yaml'));
    await symlink(await secretFile(), path.join(dir, 'site.yaml'));
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/site.yaml error: is a symbolic link: files in the content folder must be real files and folders, never links to somewhere else']);
    assert.ok(!text.includes(SECRET));
  });

  test('a symlink in public/ is reported (it would be published)', async () => {
    const dir = await fixtureContent();
    const pub = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-public-')), 'public');
    await cp(publicDir, pub, { recursive: true });
    await symlink('/etc/hostname', path.join(pub, 'images/host.svg'));
    const { problems } = await check(dir, pub);
    assert.equal(problems.length, 1);
    assert.match(formatProblemHeadline(problems[0]!), /public\/images\/host\.svg error: is a symbolic link: files in public\/ must be real files and folders/);
  });

  test('an SVG in public/ that holds code is reported: opened on its own, it would run with the site\'s address', async () => {
    const dir = await fixtureContent();
    const pub = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-public-')), 'public');
    await cp(publicDir, pub, { recursive: true });
    const svgs: Record<string, string> = {
      'script.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<circle r="5"/>\n<script>alert(1)</script></svg>',
      'handler.svg': '<svg xmlns="http://www.w3.org/2000/svg"\n  onload="alert(1)"><circle r="5"/></svg>',
      'entity.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="java&#x09;script&colon;alert(1)"><text>Go</text></a></svg>',
      'animate.svg': '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="&#106;avascript:alert(1)"/><text>Go</text></a></svg>',
      'page.svg': '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe srcdoc="x"></iframe></foreignObject></svg>',
      'clean.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A dot, one of many</title><circle r="5" fill="#123"/></svg>',
    };
    for (const [name, text] of Object.entries(svgs)) await writeFile(path.join(pub, 'images', name), text);
    const { problems, text } = await check(dir, pub);
    assert.deepEqual(headlines(problems).map((line) => line.replace(/^.*public\//, 'public/')), [
      'public/images/animate.svg error: is an SVG picture with code in it, which runs with your site\'s address when someone opens the picture on its own',
      'public/images/entity.svg error: is an SVG picture with code in it, which runs with your site\'s address when someone opens the picture on its own',
      'public/images/handler.svg:2 error: is an SVG picture with code in it, which runs with your site\'s address when someone opens the picture on its own',
      'public/images/page.svg:1 error: is an SVG picture with code in it, which runs with your site\'s address when someone opens the picture on its own',
      'public/images/script.svg:3 error: is an SVG picture with code in it, which runs with your site\'s address when someone opens the picture on its own',
    ], text);
    assert.match(text, /Received: "onload="…""/);
    assert.match(text, /Received: "a javascript: address"/);
    assert.match(text, /Fix: {6}Export the picture again without interactivity/);
  });

  test('a pipe in the content folder is reported, and the check does not wait on it', { skip: spawnSync('mkfifo', ['--version']).status !== 0 }, async () => {
    const dir = await fixtureContent();
    spawnSync('mkfifo', [path.join(dir, 'articles/billing/pipe.md')]);
    const { problems } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/articles/billing/pipe.md error: is not a file or a folder (a device, pipe or socket)']);
  });

  test('Latin-1 bytes: the line is named', async () => {
    const dir = await fixtureContent();
    const text = '---\ntitle: Caf\u00e9 opening hours\ndescription: When the caf\u00e9 is open.\n---\n\nThe caf\u00e9 opens at nine.\n';
    await writeFile(path.join(dir, 'articles/billing/cafe.md'), Buffer.from(text, 'latin1'));
    const { problems, text: shown } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/articles/billing/cafe.md:2 error: is not saved as UTF-8: this line has characters in another encoding (often Latin-1 or Windows-1252), which would show as "�"']);
    assert.match(shown, /Fix: {6}Save the file with the encoding "UTF-8"/);
  });

  test('a byte order mark: how to save without it', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/bom.md'), `\ufeff---\ntitle: With a BOM\ndescription: Saved by an old editor.\n---\n\nText.\n`);
    await writeFile(path.join(dir, 'categories/bom.yaml'), `\ufefftitle: BOM\ndescription: A category saved with a BOM.\n`);
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), [
      'content/categories/bom.yaml:1 error: starts with an invisible byte order mark (BOM), so its first line cannot be read',
      'content/articles/billing/bom.md:1 error: starts with an invisible byte order mark (BOM), so its first line cannot be read',
    ]);
    assert.match(text, /Fix: {6}Save the file as "UTF-8", not "UTF-8 with BOM"/);
  });

  test('old Mac line endings (CR only): the front matter is there, the message says why it cannot be read', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/mac.md'), '---\rtitle: Mac\rdescription: Written on a very old Mac.\r---\r\rText.\r');
    const { problems, text } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/articles/billing/mac.md:1 error: ends its lines with a carriage return only (old Mac line endings), so its front matter cannot be read'], text);
    assert.match(text, /Fix: {6}Save the file with LF line endings/);
  });

  test('a NUL character', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/binary.md'), '---\ntitle: Binary\ndescription: Not text.\n---\n\nText\u0000more.\n');
    const { problems } = await check(dir);
    assert.deepEqual(headlines(problems), ['content/articles/billing/binary.md:6 error: has a NUL character, so it is not a text file']);
  });

  test('an article over 1 MB, and front matter over 1 MB', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/huge.md'), `---\ntitle: Huge\ndescription: Too big.\n---\n\n${'Words and more words. '.repeat(60_000)}\n`);
    await writeFile(path.join(dir, 'articles/billing/huge-front.md'), `---\ntitle: Huge\ndescription: Too big.\nkeywords: [${'word, '.repeat(200_000)}word]\n---\n\nText.\n`);
    const { problems } = await check(dir);
    assert.deepEqual(headlines(problems), [
      'content/articles/billing/huge-front.md error: is larger than 1 MB (1.2 MB), far more than any article or settings file needs',
      'content/articles/billing/huge.md error: is larger than 1 MB (1.3 MB), far more than any article or settings file needs',
    ]);
  });

  test('a content folder that is itself a link is reported', async () => {
    const real = await fixtureContent();
    const parent = await mkdtemp(path.join(tmpdir(), 'handrail-linked-'));
    const linked = path.join(parent, 'content');
    await symlink(real, linked);
    const { problems } = await check(linked);
    assert.ok(headlines(problems)[0]?.endsWith('error: is a symbolic link: files in the content folder must be real files and folders, never links to somewhere else'), JSON.stringify(problems));
  });
});

describe('the fast path for articles without HTML agrees with the full sanitizer run', () => {
  const plain = [
    ...markdownPayloads.filter((p) => !p.text.includes('<')).map((p) => p.text),
    ...markdownImportPayloads.map((p) => p.text),
    markdownDefinitions,
    '[A web page](https://example.com/page) and [mail](mailto:help@example.com) and [a heading](#top)',
    '[mail with a subject](mailto:help@example.com?subject=Refund%20please&body=Order%20number) and [a copy](mailto:help@example.com?cc=spy@evil.example)',
    '![A picture](/images/wheel-divider.svg) and a footnote[^a b].\n\n[^a b]: The note.',
    '```c#\nvar x = 1;\n```',
  ];
  const components = [
    '<Image src="https://evil.example/track.png" alt="A tracker" />',
    '<Image src="/images/../../package.json" alt="The package file" />',
    '<Image src="../photo.png" alt="A photo" />',
    '<Callout type="tip" title="Before you start">Read [this](javascript:alert(1)).</Callout>',
  ];
  for (const [format, lines] of [['md', plain], ['mdx', components]] as const) {
    test(`${format}: ${lines.length} inputs`, async () => {
      const { checkArticleHtml } = await import('../../src/node/check/html.ts');
      const { scanBody } = await import('../../src/node/check/markdown-scan.ts');
      for (const line of lines) {
        const body = `Text.\n\n${line}\n`;
        const tree = scanBody(body, format).tree;
        assert.deepEqual(checkArticleHtml('x', tree, body, format, 0), checkArticleHtml('x', tree, body, format, 0, { fast: false }), line);
      }
    });
  }
});

describe('nesting too deep to read is a problem with a line, never a stack overflow', () => {
  const cases: { name: string; body: string; format: 'md' | 'mdx'; line: number; expected: string; received: string }[] = [
    { name: '3,000 <b> inside each other (21 KB; it crashed the check)', body: `Intro.\n\n${'<b>'.repeat(3000)}deep${'</b>'.repeat(3000)}\n`, format: 'md', line: 8, expected: 'has HTML elements nested inside each other more than 100 levels deep, too deep to read safely', received: '"3000 levels"' },
    { name: '3,000 quotes inside each other (6 KB; it passed the check and crashed the build)', body: `Intro.\n\n${'> '.repeat(3000)}deep\n`, format: 'md', line: 8, expected: 'has quotes or lists nested inside each other more than 100 levels deep, too deep to read safely', received: '"3000 levels"' },
    { name: 'unclosed <div>s in .mdx', body: `Intro.\n\n${'<div>\n'.repeat(150)}\n`, format: 'mdx', line: 108, expected: 'has HTML elements nested inside each other more than 100 levels deep, too deep to read safely', received: '"150 levels"' },
    { name: 'a list indented 300 levels', body: `Intro.\n\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`, format: 'md', line: 108, expected: 'has quotes or lists nested inside each other more than 100 levels deep, too deep to read safely', received: '"101 levels"' },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const dir = await fixtureContent();
      await writeFile(path.join(dir, 'articles/billing', `deep.${c.format}`), `---\ntitle: Deep\ndescription: Nested far too deeply.\n---\n\n${c.body}`);
      const { problems, text } = await check(dir);
      assert.deepEqual(headlines(problems), [`content/articles/billing/deep.${c.format}:${c.line} error: ${c.expected}`], text);
      assert.match(text, new RegExp(`Received: ${c.received}`));
      assert.match(text, /Allowed: {2}at most 100 levels; real articles need a few/);
    });
  }

  test('the render refuses it with the file name, before anything walks the tree', async () => {
    const config = (await import('../../astro.config.mjs')).default;
    const processor = (config.markdown as unknown as { processor: { createRenderer(shared: object): Promise<{ render(content: string, options: { fileURL: URL }): Promise<unknown> }> } }).processor;
    const renderer = await processor.createRenderer({});
    await assert.rejects(renderer.render(`${'> '.repeat(3000)}deep\n`, { fileURL: new URL('file:///content/articles/billing/deep.md') }), /deep\.md was not built: it nests 3000 levels deep \(at most 100\)/);
  });

  test('a table of 5,000 columns and 2,000 footnotes are refused before parsing (the parser took 18 s on 22 rows of 5,000 columns, 35 s on 20,000 footnotes)', async () => {
    const dir = await fixtureContent();
    const wide = `| ${'a | '.repeat(5000)}\n|${'-|'.repeat(5000)}\n| ${'b | '.repeat(5000)}\n`;
    const notes = `${Array.from({ length: 2000 }, (_, i) => `x[^${i}]`).join(' ')}\n\n${Array.from({ length: 2000 }, (_, i) => `[^${i}]: A note.`).join('\n')}\n`;
    await writeFile(path.join(dir, 'articles/billing/wide.md'), `---\ntitle: Wide\ndescription: A table far too wide.\n---\n\n${wide}`);
    await writeFile(path.join(dir, 'articles/billing/notes.md'), `---\ntitle: Notes\ndescription: Far too many footnotes.\n---\n\n${notes}`);
    const started = performance.now();
    const { problems, text } = await check(dir);
    assert.ok(performance.now() - started < 15_000, 'refused without parsing');
    assert.deepEqual(headlines(problems), [
      'content/articles/billing/notes.md:1008 error: has more than 1000 footnotes',
      'content/articles/billing/wide.md:6 error: has a table of more than 100 columns',
    ], text);
    assert.match(text, /Received: "5000 columns"/);
    assert.match(text, /Received: "2000 footnotes"/);
  });

  test('what real articles do is far from the limit', async () => {
    const { findDeepNesting } = await import('../../src/node/markdown/nesting.ts');
    const ordinary = ['> Quote\n>\n> > Nested quote\n', '1. Step\n   - Sub-step\n     - Detail\n\n       ```\n       code\n       ```\n', '<details><summary>More</summary><p>Text<br>more<p>unclosed<li>item</details>', `${'<p>Para\n'.repeat(500)}`];
    for (const text of ordinary) assert.equal(findDeepNesting(text, { markdown: true }), undefined, text);
    const { findOversizedStructure } = await import('../../src/node/markdown/nesting.ts');
    const table = `| ${'Column | '.repeat(30)}\n|${'---|'.repeat(30)}\n| ${'a \\| b | '.repeat(30)}\n`;
    assert.equal(findOversizedStructure(`${table}\n${'Text[^1].\n\n'.repeat(50)}[^1]: A note.\n`), undefined);
  });
});
