import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planQuery, suggestQuery } from '../../src/shared/search/query.ts';
import { isMistypedStopWord, rewriteQuery } from '../../src/shared/search/rewrite.ts';

const vocabulary = { refund: 9, order: 8, track: 4, two: 6, pay: 5, monthly: 2, battery: 3, charged: 2, account: 4, sign: 3, password: 3 };

describe('question rewrite', () => {
  test('"how do i …", "why is my …", "can\'t …" and chat fillers leave only the topic', () => {
    assert.deepEqual(rewriteQuery('How do I track my order?').terms, ['track', 'order']);
    assert.deepEqual(rewriteQuery('why is my refund taking so long').terms, ['refund', 'taking', 'long']);
    assert.deepEqual(rewriteQuery("can't remember my password").terms, ['remember', 'password']);
    assert.deepEqual(rewriteQuery('hi i was wondering if its possible to pay monthly please').terms, ['pay', 'monthly']);
    assert.deepEqual(rewriteQuery('i want to try something else').terms, ['else']);
  });

  test('everyday money and account phrases become the articles\' words', () => {
    assert.deepEqual(rewriteQuery('you took money from my account twice').terms, ['charged', 'account', 'twice']);
    assert.deepEqual(rewriteQuery('how do i get my money back').terms, ['refund']);
    assert.deepEqual(rewriteQuery('locked out of my account').terms, ['sign', 'account']);
    assert.deepEqual(rewriteQuery('cant get in').terms, ['sign']);
    assert.deepEqual(rewriteQuery('money transfer').terms, ['money', 'transfer'], 'only the whole phrase');
  });

  test('"how much …" asks for a price', () => {
    assert.deepEqual(rewriteQuery('how much to rent a bike'), { terms: ['rent', 'bike'], hints: ['cost', 'price'] });
    assert.deepEqual(rewriteQuery('much ado').hints, [], 'only the opening, in order');
  });

  test('small words typed wrong are left out, but never a word of the help center or the start of one', () => {
    assert.deepEqual(rewriteQuery('hwo do i pay monthly', { vocabulary }).terms, ['pay', 'monthly']);
    assert.deepEqual(rewriteQuery('how long will teh battery last', { vocabulary }).terms, ['long', 'battery', 'last']);
    assert.equal(isMistypedStopWord('two', vocabulary), false, 'a word of the help center');
    assert.equal(isMistypedStopWord('tra', vocabulary), false, 'the start of one ("track")');
    assert.equal(isMistypedStopWord('hwo', undefined), false, 'without a vocabulary nothing is known to be a typo');
    assert.equal(suggestQuery('hwo do i pay', vocabulary), undefined, '"Did you mean" does not turn "hwo" into "two"');
  });

  test('the English rules are not applied to another language', () => {
    assert.deepEqual(rewriteQuery('money back', { lang: 'cy' }).terms, ['money', 'back']);
    assert.deepEqual(rewriteQuery('money back', { lang: 'en-GB' }).terms, ['refund']);
    assert.deepEqual(planQuery('  sut ydw i n talu  ', { lang: 'cy' }), { full: 'sut ydw i n talu', terms: ['sut', 'ydw', 'talu'], hints: [] });
  });
});
