import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cachingIndex, commonWordTest, findPages, type PageData, type SearchIndex } from '../../src/shared/search/find.ts';
import { completeWord, correctWord, isGenuineMatch, keepRelevant, matchedTokens, planQuery, queryTerms, QUOTED_QUERY_MAX, quotedQuery, rankPages, suggestQuery, unknownWords } from '../../src/shared/search/query.ts';
import { searchFieldsFor, synonymsFor, words } from '../../src/shared/search/synonyms.ts';
import { buildExcerpt, compactDate, isoFromCompact, pageWords, toSearchResult, type ExcerptPart } from '../../src/shared/search/result.ts';
import { buildVocabulary } from '../../src/shared/search/vocabulary.ts';

const vocabulary = { refund: 9, refunds: 4, return: 7, delivery: 8, password: 5, battery: 6, accessibility: 3, accessible: 2, charged: 2, twice: 2, card: 4 };

describe('query planning', () => {
  test('keeps topic words, drops filler and question words, folds apostrophes', () => {
    assert.deepEqual(planQuery('My card was charged twice, what do I do?'), { full: 'My card was charged twice, what do I do?', terms: ['card', 'charged', 'twice'], hints: [] });
    assert.deepEqual(planQuery("Can't sign in after changing phone").terms, ['sign', 'changing', 'phone']);
    assert.deepEqual(planQuery("my order hasn't arrived yet").terms, ['order', 'arrived']);
    assert.deepEqual(words('E-bike’s battery'), ['e', 'bikes', 'battery']);
  });

  test('"how much" asks for a price', () => {
    assert.deepEqual(planQuery('how much to rent a bike').hints, ['cost', 'price']);
    assert.deepEqual(planQuery('how much to rent a bike').terms, ['rent', 'bike']);
    assert.deepEqual(planQuery('much ado').hints, [], 'only the opening, in order');
  });

  test('each word scores a page; a page with more, and rarer, matches comes first', () => {
    const order = rankPages([
      { hits: [{ id: 'a', score: 0.2 }, { id: 'b', score: 0.2 }, { id: 'c', score: 0.2 }, { id: 'd', score: 0.2 }], weight: 1 }, // a common word
      { hits: [{ id: 'c', score: 3 }], weight: 1 }, // a rare word
      { hits: [{ id: 'b', score: 1 }, { id: 'c', score: 1 }], weight: 1 },
    ]);
    assert.deepEqual(order.slice(0, 2).map((h) => h.id), ['c', 'b']);
    assert.deepEqual(rankPages([{ hits: [{ id: 'a', score: 2 }], weight: 1 }, { hits: [{ id: 'b', score: 3 }], weight: 0.5 }]), [{ id: 'a', score: 2 }, { id: 'b', score: 1.5 }], 'weights count');
  });

  test('a page lacking some words must match the others nearly as well as the best page', () => {
    const ranked = [{ id: 'all', score: 10 }, { id: 'strong', score: 4 }, { id: 'weak', score: 1 }, { id: 'weak-but-complete', score: 0.5 }];
    assert.deepEqual(keepRelevant(ranked, new Set(['all', 'weak-but-complete'])).map((h) => h.id), ['all', 'strong', 'weak-but-complete']);
  });

  test('a typo is searched as its correction; a half-typed last word also as what it may become', () => {
    const plan = planQuery('cancle my refu');
    const terms = queryTerms(plan, { cancel: 3, refund: 5, refunds: 2 }, true);
    assert.deepEqual(terms, [
      { typed: 'cancle', searches: ['cancel'], correction: 'cancel', isUnknown: false },
      { typed: 'refu', searches: ['refu', 'refund', 'refunds'], isUnknown: false },
    ]);
    assert.deepEqual(queryTerms(planQuery('xqzjvkw'), { cancel: 3 }, false), [{ typed: 'xqzjvkw', searches: ['xqzjvkw'], isUnknown: true }]);
    assert.deepEqual(queryTerms(plan, undefined, true).map((t) => t.searches), [['cancle'], ['refu']], 'without a vocabulary, as typed');
  });

  test('a sentence quotes a long query shortened, at a word, never splitting a character', () => {
    const question = 'how do I get a refund for an order that never arrived?';
    assert.equal(quotedQuery(`  ${question}\n`), question, 'a question of a few words is quoted whole, trimmed');
    assert.equal(quotedQuery('refund   my\torder'), 'refund my order', 'runs of spaces become one');
    const pasted = 'refund '.repeat(200);
    const quoted = quotedQuery(pasted);
    assert.ok(quoted.endsWith('refund…') && quoted.length <= QUOTED_QUERY_MAX + 1, `cut at the last whole word, ended with …: ${quoted}`);
    assert.ok(quoted.length > QUOTED_QUERY_MAX * 0.75, 'as much as fits is kept');
    // One word longer than the limit is cut where it reaches it.
    assert.equal(quotedQuery('x'.repeat(200)), `${'x'.repeat(QUOTED_QUERY_MAX)}…`);
    // 100 emoji: each is one character to a reader, and none is split.
    const emoji = quotedQuery('👍🏽'.repeat(100));
    assert.equal(emoji, `${'👍🏽'.repeat(QUOTED_QUERY_MAX)}…`);
    const arabic = 'كيف أسترد أموالي '.repeat(10);
    assert.ok(arabic.startsWith(quotedQuery(arabic).slice(0, -1)) && quotedQuery(arabic).endsWith('…'), 'right-to-left text is cut the same way');
    assert.equal(quotedQuery('refund', 6), 'refund', 'exactly the limit is not cut');
  });
});

describe('typos and half-typed words', () => {
  test('corrects towards the most used close word', () => {
    assert.equal(correctWord('refnud', vocabulary), 'refund');
    assert.equal(correctWord('pasword', vocabulary), 'password');
    assert.equal(correctWord('refund', vocabulary), undefined);
    assert.equal(correctWord('xyzzy', vocabulary), undefined);
    assert.equal(suggestQuery('delivry refnud', vocabulary), 'delivery refund');
    assert.equal(suggestQuery('refund', vocabulary), undefined);
    assert.equal(suggestQuery('accessib', vocabulary), undefined, 'a half-typed word is not a typo');
  });

  test('two edits away, a correction keeps the first letter; one edit may fall anywhere', () => {
    const words = { battery: 9, man: 9, railing: 2, email: 5, droed: 3, école: 2 };
    assert.equal(correctWord('bettary', words), 'battery', 'two letters wrong inside the word');
    assert.equal(correctWord('vattery', words), 'battery', 'one edit, even the first letter');
    assert.equal(correctWord('vattary', words), undefined, 'two edits and another first letter');
    assert.equal(correctWord('human', words), undefined, 'a real word the site never uses is not another word');
    assert.equal(correctWord('emailing', words), undefined);
    assert.equal(suggestQuery('please stop emailing me offers', words), undefined);
    assert.equal(correctWord('erioed', words), undefined, 'Welsh "never" is not "foot"');
    assert.equal(correctWord('ecolle', words), 'école', 'an accent on the first letter is the same letter');
  });

  test('unknown words are ones the site never uses, even as a start', () => {
    assert.deepEqual(unknownWords(['refnud', 'refu', 'the', 'battery'], vocabulary), ['refnud']);
    assert.deepEqual(completeWord('accessib', vocabulary), ['accessibility', 'accessible']);
    assert.deepEqual(completeWord('ac', vocabulary), [], 'too short to complete');
  });

  test('a scrap of a typo is not a match; a stem or a joined-up hyphen is', () => {
    assert.equal(isGenuineMatch(['refnud'], ["you're"]), false);
    assert.equal(isGenuineMatch(['delivry'], ['delivery']), true);
    assert.equal(isGenuineMatch(['ebike'], ['e-bike']), true);
    assert.deepEqual(matchedTokens('Get a refund today.  Refunds take days', [2, 4]), ['refund', 'Refunds']);
  });
});

describe('findPages', () => {
  function fakeIndex(pages: Record<string, { words: string[]; content: string; reference?: string }>): SearchIndex & { searches: string[] } {
    const searches: string[] = [];
    return {
      searches,
      async search(query) {
        searches.push(query);
        const wanted = words(query);
        const results = Object.entries(pages)
          .filter(([, page]) => wanted.every((w) => page.reference === w || page.words.some((pw) => pw.startsWith(w.slice(0, 2)))))
          .map(([id, page]) => {
            const tokens = page.content.split(/\s+/);
            const locations = tokens.flatMap((t, i) => (wanted.some((w) => t.toLowerCase().startsWith(w.slice(0, 2))) ? [i] : []));
            return {
              id,
              score: wanted.filter((w) => page.words.includes(w)).length + 0.5,
              words: locations,
              matchedMetaFields: wanted.some((w) => page.reference === w) ? ['reference'] : [],
              data: async (): Promise<PageData> => ({ url: `/articles/${id}/`, excerpt: page.content, content: page.content, locations, meta: { title: id, reference: page.reference?.toUpperCase() ?? '' }, filters: {} }),
            };
          });
        return { results };
      },
      async filters() {
        return { category: { all: Object.keys(pages).length } };
      },
    };
  }
  const index = () =>
    fakeIndex({
      'charged-twice': { words: ['card', 'charged', 'twice', 'payment'], content: 'Your card was charged twice for one payment' },
      'get-a-refund': { words: ['refund', 'money', 'card'], content: 'Get a refund to your card', reference: 'k6cr' },
      'contact-us': { words: ['contact', 'phone', 'you', 're'], content: "Contact us: you're welcome to phone" },
    });

  test('a question finds the page matching its topic words', async () => {
    const found = await findPages(index(), 'my card was charged twice what do i do', vocabulary);
    assert.equal(found.pages[0]?.url, '/articles/charged-twice/');
  });

  test('a typo is searched as its correction, and says so', async () => {
    const found = await findPages(index(), 'refnud', vocabulary);
    assert.equal(found.pages[0]?.url, '/articles/get-a-refund/');
    assert.deepEqual(found.corrections, [{ typed: 'refnud', searched: 'refund' }]);
    assert.equal(found.correctedQuery, 'refund');
  });

  test('reads only as many pages as asked for', async () => {
    const all = await findPages(index(), 'card', vocabulary);
    const one = await findPages(index(), 'card', vocabulary, { limit: 1 });
    assert.equal(all.pages.length, 2);
    assert.deepEqual(one.pages.map((p) => p.url), [all.pages[0]!.url]);
  });

  test('a phone reference an agent types is found, not taken for a typo', async () => {
    const found = await findPages(index(), 'K6CR', vocabulary);
    assert.deepEqual(found.pages.map((p) => p.url), ['/articles/get-a-refund/']);
    assert.deepEqual(found.corrections, []);
  });

  test('a word with no close match finds nothing rather than pages matching a scrap of it', async () => {
    const found = await findPages(index(), 'rexqzj', vocabulary);
    assert.deepEqual(found.pages.map((p) => p.url), []);
  });

  test('on a large help center a word in most articles is not searched alone (too slow, says little)', async () => {
    const large = { ...vocabulary, the: 9000, order: 5000, card: 4000, refund: 40, charged: 30 };
    const isCommon = commonWordTest(large);
    assert.deepEqual(['order', 'card', 'refund', 'my'].map(isCommon), [true, true, false, true]);
    assert.equal(commonWordTest(vocabulary)('card'), false, 'never on a small one');
    const searched = index();
    await findPages(searched, 'my card was charged', large);
    assert.deepEqual(searched.searches.sort(), ['card charged', 'charged'], 'the common word only with the others; not the question as typed');
    const alone = index();
    await findPages(alone, 'card', large);
    assert.deepEqual(alone.searches, ['card'], 'a lone word is searched however common');
  });

  test('on a large help center a half-typed word is searched as its completions, each once; one or two letters wait', async () => {
    const large = { ...vocabulary, the: 9000, order: 5000, orders: 900, card: 40, charged: 30 };
    const typing = index();
    await findPages(typing, 'card ord', large, { isTyping: true });
    assert.deepEqual(typing.searches.sort(), ['card', 'card order'], '"ord" is as common as "order", and "orders" is found by "order"');
    const small = index();
    await findPages(small, 'card ord', { ...vocabulary, order: 5, orders: 2 }, { isTyping: true });
    assert.deepEqual(small.searches.sort(), ['card', 'card ord', 'ord', 'order', 'orders'], 'a small help center searches every form');
    const short = index();
    const found = await findPages(short, 'card tw', large, { isTyping: true });
    assert.deepEqual(short.searches, ['card'], 'a last word of two letters is not searched while typing');
    assert.equal(found.pages[0]?.url, '/articles/charged-twice/');
    const nothing = index();
    assert.deepEqual((await findPages(nothing, 'ca', large, { isTyping: true })).pages, []);
    assert.deepEqual(nothing.searches, []);
  });

  test('a replaced query stops before its next search', async () => {
    const searched = index();
    const controller = new AbortController();
    const slow: SearchIndex = {
      ...searched,
      async search(query) {
        const found = await searched.search(query);
        controller.abort();
        return found;
      },
    };
    await assert.rejects(findPages(slow, 'card charged twice', vocabulary, { signal: controller.signal }), { name: 'AbortError' });
    assert.equal(searched.searches.length, 1, 'the other words were never searched');
  });

  test('searches are kept for the next query; a failed one is tried again', async () => {
    let calls = 0;
    const flaky: SearchIndex = {
      async search() {
        calls++;
        if (calls === 1) throw new Error('chunk failed to load');
        return { results: [] };
      },
      filters: async () => ({}),
    };
    const cached = cachingIndex(flaky, 2);
    await assert.rejects(cached.search('a'));
    await cached.search('a');
    await cached.search('a');
    assert.equal(calls, 2, 'the failure was not kept; the success was');
    await cached.search('b');
    await cached.search('c');
    await cached.search('a');
    assert.equal(calls, 5, 'only the most recent searches are kept');
  });

  test('a page need not have every word; the excerpt marks the topic words of every search', async () => {
    const found = await findPages(index(), 'why was my card charged twice yesterday', vocabulary);
    assert.equal(found.pages[0]?.url, '/articles/charged-twice/');
    assert.equal(found.isPartial, true, 'no page has "yesterday"');
    const first = found.pages[0]!;
    assert.deepEqual(matchedTokens(first.content, first.locations), ['card', 'charged', 'twice']);
  });
});

describe('synonyms and vocabulary', () => {
  const groups = [['refund', 'money back', 'reimbursement'], ['sign in', 'log in']];
  test('an article is also found by the other words of each group it uses', () => {
    assert.deepEqual(synonymsFor('How refunds work', groups), ['money back', 'reimbursement']);
    assert.deepEqual(synonymsFor('You cannot sign in', groups), ['log in']);
    assert.deepEqual(synonymsFor('Designing in colour', groups), [], 'whole words only');
    assert.deepEqual(searchFieldsFor({ title: 'Get a refund', description: 'd', keywords: ['repay'], tags: ['refunds', 'repay'], headings: [] }, groups, 'K7P2'), {
      keywords: 'repay, refunds',
      synonyms: 'money back, reimbursement',
      reference: 'K7P2',
    });
  });

  test('the vocabulary counts articles per word, leaving out code, links and markup', () => {
    const vocab = buildVocabulary(['Refund your card. [See](/articles/x/) <Callout>', '```\nsecretcode\n```\nrefund again']);
    assert.equal(vocab.refund, 2);
    assert.equal(vocab.card, 1);
    assert.equal(vocab.secretcode, undefined);
    assert.equal(vocab.callout, undefined);
    assert.equal(vocab.articles, undefined);
  });
});

describe('result excerpts', () => {
  const content =
    "When you'll get your refund. How refunds work, how long they take. We always refund to the way you paid. " +
    'We can’t refund to a different card. How long refunds take. After we send your refund, this is how long it takes to reach you: three to five working days for a card.';
  const page = { content, title: "When you'll get your refund", description: 'How refunds work, how long they take.' };
  const at = (word: string) => pageWords(content).flatMap((w, i) => (w.toLowerCase().startsWith(word) ? [i] : []));
  const text = (parts: ExcerptPart[]) => parts.map((p) => (p.isMatch ? `[${p.text}]` : p.text)).join('');

  test('quotes the body around the best matches, starting at their sentence, never the title', () => {
    const excerpt = buildExcerpt(page, at('card').map((location) => ({ location, score: 1 })), 12);
    assert.equal(text(excerpt), 'We can’t refund to a different [card]. How long refunds take. After …');
    const fromTitle = buildExcerpt(page, [{ location: 4, score: 1 }], 12);
    assert.equal(text(fromTitle), 'How refunds work, how long they take.', 'a match only in the title shows the description');
  });

  test('prefers the stretch holding more of the different words searched for', () => {
    const text2 = 'Title. Card card card card here. ' + 'filler '.repeat(30) + 'Your card was charged twice.';
    const tokens = pageWords(text2);
    const find = (word: string, term: number) => tokens.flatMap((w, i) => (w.toLowerCase().startsWith(word) ? [{ location: i, score: 1, term }] : []));
    const excerpt = buildExcerpt({ content: text2, title: 'Title' }, [...find('card', 0), ...find('charged', 1), ...find('twice', 2)], 12);
    assert.equal(text(excerpt), '… filler filler filler filler Your [card] was [charged] [twice].');
  });

  test('highlights the word, not the punctuation around it', () => {
    const excerpt = buildExcerpt({ ...page, content: 'Title. Ask for a “refund”, then wait.', title: 'Title' }, [{ location: 4, score: 1 }]);
    assert.deepEqual(excerpt, [
      { text: 'Ask for a “', isMatch: false },
      { text: 'refund', isMatch: true },
      { text: '”, then wait.', isMatch: false },
    ]);
  });

  test('a match only in metadata (a keyword, a synonym) shows the description, unhighlighted', () => {
    assert.equal(text(buildExcerpt(page, [])), 'How refunds work, how long they take.');
  });

  test('dates are stored as one token and shown through Intl', () => {
    assert.equal(compactDate(new Date('2026-10-12T00:00:00Z')), '20261012');
    assert.equal(isoFromCompact('20261012'), '2026-10-12');
    assert.equal(isoFromCompact('2026-10-12'), undefined);
    const result = toSearchResult(
      { url: '/articles/get-a-refund/', excerpt: '', content, locations: at('card'), meta: { title: page.title, updated: '20261012' }, filters: { category: ['Payments'] } },
      'en-GB',
    );
    assert.deepEqual(result.updated, { iso: '2026-10-12', label: '12 October 2026' });
    assert.equal(result.category, 'Payments');
    assert.ok(result.excerpt.some((p) => p.isMatch && p.text === 'card'));
  });
});
