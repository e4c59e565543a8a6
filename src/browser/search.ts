/**
 * <handrail-search>: the search page's results, live as the customer types,
 * announced once typing pauses, keyboard-navigable, filterable by topic, and
 * never a dead end: no results (or a broken index) puts the people first,
 * carrying the query. Pagefind is fetched (search-engine.ts) when this
 * element starts, on the search page only.
 */
import type { Found } from '../shared/search/find.ts';
import { planQuery, quotedQuery, suggestQuery } from '../shared/search/query.ts';
import { toSearchResult, type SearchResult } from '../shared/search/result.ts';
import { recordSearch, VISIT_CONTEXT_EVENT } from '../shared/visit-context.ts';
import { collectorAddress, sendSearch } from './listening.ts';
import { define, isOffline, part, sessionStore } from './ui.ts';
import { loadPagefind, loadVocabulary, searchOtherLanguage, searchPages, SLOW_SEARCH_MS } from './search-engine.ts';
import { wordsOf } from './words.ts';

const RESULTS_PAUSE = 200;
const ANNOUNCE_PAUSE = 800;

class HandrailSearch extends HTMLElement {
  /** Default-language results offered when the reader's language has none. */
  #fallbackShown: SearchResult[] = [];
  #sequence = 0;
  /** Stops the search in progress when a newer one starts. */
  #inProgress?: AbortController;
  #resultsTimer = 0;
  #announceTimer = 0;
  #shown: SearchResult[] = [];
  #lastQuery = '';
  #pending = '';
  /** The corrected query the results are for, when a typo was searched as its correction. */
  #corrected = '';
  /** The query the live region last spoke about; a late "Did you mean" may only add to that. */
  #announcedQuery = '';
  /** Whether typing has paused long enough to announce; the results may still be on their way. */
  #isAnnounceDue = false;
  /** The address of the current history entry as it was loaded or pushed, before typing replaced it. */
  #committed = location.href;
  /** The last search the reader paused on, told to the collector (if any) unless they open one of its results. */
  #unanswered?: { query: string; resultCount: number };

  readonly #words = wordsOf(this);

  get #input(): HTMLInputElement {
    return document.querySelector<HTMLInputElement>('#search-page-field')!;
  }

  #part<T extends HTMLElement>(name: string): T {
    return part<T>(this, name);
  }

  connectedCallback() {
    document.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');
    loadPagefind().catch(() => this.#showUnavailable());
    void loadVocabulary();

    const input = this.#input;
    const form = input.form!;
    input.setAttribute('aria-describedby', 'search-keyboard-hint');
    input.addEventListener('input', () => this.#schedule(input.value));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#cancelTyping();
      this.#pushQuery(input.value);
      void this.#search(input.value, true);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const first = this.#links()[0];
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    this.#part<HTMLElement>('search-results').addEventListener('keydown', (event) => this.#moveFocus(event));
    // A result opened (also in a new tab) answered the search.
    for (const type of ['click', 'auxclick']) {
      this.#part<HTMLElement>('search-results').addEventListener(type, (event) => {
        if ((event.target as Element).closest('a')) this.#unanswered = undefined;
      });
    }
    // Leaving (or hiding) the page ends the last search; the only moment to send it.
    window.addEventListener('pagehide', () => this.#tellUnanswered());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#tellUnanswered();
    });
    this.#part<HTMLElement>('search-filter-options').addEventListener('change', () => {
      this.#render();
      this.#announce();
    });
    this.#part<HTMLElement>('search-suggestion').addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest('a');
      if (!link) return;
      event.preventDefault();
      const query = new URL(link.href).searchParams.get('q') ?? '';
      input.value = query;
      this.#cancelTyping();
      this.#pushQuery(query);
      void this.#search(query, true);
      input.focus();
    });
    window.addEventListener('popstate', () => {
      this.#cancelTyping();
      this.#committed = location.href;
      this.#fromAddress();
    });
    // Back to this page from the history cache: the entry is the address as typing left it.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) this.#committed = location.href;
    });
    this.#fromAddress();
  }

  #fromAddress() {
    const query = new URLSearchParams(location.search).get('q') ?? '';
    this.#input.value = query;
    if (query.trim()) void this.#search(query, true);
    else this.#clear();
  }

  /**
   * A submitted query gets its own history entry, so Back returns to the
   * one before. Typing has already replaced this entry's address with the
   * live query, so the entry gets its committed address back first.
   */
  #pushQuery(query: string) {
    const url = new URL(location.href);
    url.searchParams.set('q', query.trim());
    const committedQuery = new URL(this.#committed).searchParams.get('q') ?? '';
    if (committedQuery.trim() === query.trim()) {
      if (url.href !== location.href) history.replaceState(null, '', url);
    } else {
      if (location.href !== this.#committed) history.replaceState(null, '', this.#committed);
      history.pushState(null, '', url);
    }
    this.#committed = url.href;
  }

  /**
   * Results follow typing after a short pause; the announcement waits for a
   * longer pause counted from the last key, not from when results arrived,
   * so a slow search can never make the live region speak mid-word.
   */
  #schedule(query: string) {
    this.#cancelTyping();
    this.#resultsTimer = window.setTimeout(() => void this.#search(query, false), RESULTS_PAUSE);
    this.#announceTimer = window.setTimeout(() => {
      this.#isAnnounceDue = true;
      if (this.#lastQuery === planQuery(query).full) this.#announce();
    }, ANNOUNCE_PAUSE);
  }

  /** Drops the pending live search and announcement: a search that runs now replaces them. */
  #cancelTyping() {
    window.clearTimeout(this.#resultsTimer);
    window.clearTimeout(this.#announceTimer);
    this.#isAnnounceDue = false;
  }

  #links(): HTMLAnchorElement[] {
    return [...this.querySelectorAll<HTMLAnchorElement>('[data-search-results] a')];
  }

  #moveFocus(event: KeyboardEvent) {
    const links = this.#links();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    if (event.key === 'ArrowDown' && index < links.length - 1) links[index + 1]!.focus();
    else if (event.key === 'ArrowUp') (index === 0 ? this.#input : links[index - 1]!).focus();
    else if (event.key === 'Escape') this.#input.focus();
    else return;
    event.preventDefault();
  }

  async #search(query: string, isImmediate: boolean) {
    const sequence = ++this.#sequence;
    const plan = planQuery(query);
    if (!plan.full) {
      if (!isImmediate) this.#history('');
      return this.#clear();
    }
    // A newer search replaces this one: it stops before its next Pagefind search, which would hold up the newer one's.
    this.#inProgress?.abort();
    const controller = (this.#inProgress = new AbortController());
    const status = this.#part<HTMLElement>('search-status');
    const searching = this.#words.text('search.searching');
    // Only while this is the latest search: a second after it began is past the pause (ANNOUNCE_PAUSE) after
    // which the live region may speak, so it still never speaks mid-word.
    const slow = window.setTimeout(() => {
      if (sequence === this.#sequence) status.textContent = searching;
    }, SLOW_SEARCH_MS);
    let found: Found;
    try {
      found = await searchPages(query, { signal: controller.signal });
    } catch {
      // The index, or part of it, failed to load (the connection dropped): say so, and offer the people.
      if (sequence === this.#sequence && !controller.signal.aborted) this.#showUnavailable();
      return;
    } finally {
      window.clearTimeout(slow);
    }
    if (sequence !== this.#sequence) return; // a newer search has started
    const { pages: data, isPartial } = found;
    const lang = this.dataset.fallbackLang;
    const fallback = data.length === 0 && lang ? await searchOtherLanguage(query, lang, this.dataset.fallbackVocabulary).then((f) => f.pages).catch(() => []) : [];
    if (sequence !== this.#sequence) return;
    this.#fallbackShown = fallback.map((d) => toSearchResult(d, this.#words.locale));
    this.#shown = data.map((d) => toSearchResult(d, this.#words.locale));
    this.#lastQuery = plan.full;
    this.#pending = isPartial ? 'partial' : '';
    this.#corrected = found.correctedQuery ?? '';
    this.#history(query);
    this.#buildFilter();
    this.#render();
    if (isImmediate) {
      window.clearTimeout(this.#announceTimer);
      this.#announce();
    } else if (this.#isAnnounceDue && query === this.#input.value) {
      this.#announce(); // the pause is over and these results came late
    } else if (status.textContent === searching) {
      status.textContent = ''; // typing went on: the results are shown, and said once it pauses
    }
  }

  /** Keeps the address in step with the live query, without adding history entries. */
  #history(query: string) {
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query.trim());
    else url.searchParams.delete('q');
    if (url.href !== location.href) history.replaceState(null, '', url);
  }

  #clear() {
    this.#shown = [];
    this.#fallbackShown = [];
    this.#part<HTMLElement>('search-fallback-region').hidden = true;
    this.#lastQuery = '';
    this.#announcedQuery = '';
    this.#part<HTMLElement>('search-results-region').hidden = true;
    this.#part<HTMLElement>('search-people').hidden = true;
    this.#part<HTMLElement>('search-filter').hidden = true;
    this.#part<HTMLElement>('search-suggestion').hidden = true;
    this.#part<HTMLElement>('search-status').textContent = '';
  }

  #selectedCategories(): string[] {
    return [...this.querySelectorAll<HTMLInputElement>('[data-search-filter-options] input:checked')].map((i) => i.value);
  }

  #buildFilter() {
    const previous = new Set(this.#selectedCategories());
    const counts = new Map<string, number>();
    for (const result of this.#shown) counts.set(result.category, (counts.get(result.category) ?? 0) + 1);
    const options = this.#part<HTMLElement>('search-filter-options');
    options.replaceChildren(
      ...[...counts.entries()].map(([category, count], i) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = category;
        box.id = `search-filter-${i}`;
        box.checked = previous.has(category);
        label.htmlFor = box.id;
        label.append(box, ` ${this.#words.text('search.filterCount', { title: category, count })}`);
        return label;
      }),
    );
    this.#part<HTMLElement>('search-filter').hidden = counts.size < 2;
  }

  #fallbackIntro(): string {
    return this.#words.text('search.fallbackIntro', { query: quotedQuery(this.#lastQuery), language: this.dataset.languageName ?? '', original: this.dataset.fallbackName ?? '' });
  }

  /** One result: its title linked, topic and date, and the excerpt with matches marked. */
  #item(result: SearchResult): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.title;
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'search-result__meta';
    meta.append(result.category);
    if (result.updated) {
      const time = document.createElement('time');
      time.dateTime = result.updated.iso;
      time.textContent = result.updated.label;
      // The string places the date: "Updated {date}" in English, elsewhere where the language puts it.
      const [before = '', after = ''] = this.#words.text('search.updated').split('{date}');
      meta.append(result.category ? ' · ' : '', before, time, after);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    // Text nodes and <mark> elements: nothing from the index is parsed as HTML.
    excerpt.append(...result.excerpt.map((part) => (part.isMatch ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text)));
    item.append(heading, meta, excerpt);
    return item;
  }

  #render() {
    const selected = this.#selectedCategories();
    const visible = selected.length ? this.#shown.filter((r) => selected.includes(r.category)) : this.#shown;
    const list = this.#part<HTMLOListElement>('search-results');
    list.replaceChildren(...visible.map((result) => this.#item(result)));
    const base = import.meta.env.BASE_URL;
    const prefix = this.dataset.pagePrefix;
    // Default-language results open in the reader's interface (/cy/articles/…), which says the text is not translated.
    const offered = this.#shown.length === 0 ? this.#fallbackShown : [];
    this.#part<HTMLOListElement>('search-fallback-results').replaceChildren(
      ...offered.map((result) => this.#item(prefix && result.url.startsWith(base) ? { ...result, url: prefix + result.url.slice(base.length) } : result)),
    );
    this.#part<HTMLElement>('search-fallback-region').hidden = offered.length === 0;
    this.#part<HTMLElement>('search-fallback-intro').textContent = this.#fallbackIntro();
    this.#part<HTMLElement>('search-results-region').hidden = visible.length === 0;
    if (isOffline()) void this.#markUncached(list);
    const people = this.#part<HTMLElement>('search-people');
    const isEmpty = this.#shown.length === 0;
    people.hidden = !isEmpty;
    this.#part<HTMLElement>('search-unavailable').hidden = true;
    this.#part<HTMLElement>('search-people-intro').hidden = false;
    this.#part<HTMLElement>('search-people-intro').textContent = this.#words.text('search.peopleIntro', { query: quotedQuery(this.#lastQuery) });
    const suggestion = this.#part<HTMLElement>('search-suggestion');
    suggestion.hidden = true;
    // A word the help center never uses is likely a typo, even when some
    // other word found results.
    void this.#suggest(this.#lastQuery);
  }

  /** Offline, a result whose page was never saved says so, and offers the phone. */
  async #markUncached(list: HTMLElement) {
    if (!('caches' in window)) return;
    for (const item of list.querySelectorAll<HTMLElement>('.search-result')) {
      const link = item.querySelector('a');
      if (!link || (await caches.match(link.href, { ignoreSearch: true }))) continue;
      const note = document.createElement('p');
      note.className = 'search-result__offline';
      note.textContent = this.#words.text('offline.needsConnection', { phone: this.dataset.phone ?? '' });
      item.append(note);
    }
  }

  async #suggest(query: string) {
    const vocabulary = await loadVocabulary();
    const better = vocabulary ? suggestQuery(query, vocabulary) : undefined;
    // Results already shown for the correction say so; asking again would be noise.
    if (!better || query !== this.#lastQuery || better === this.#corrected) return;
    const suggestion = this.#part<HTMLElement>('search-suggestion');
    const link = document.createElement('a');
    const url = new URL(location.href);
    url.searchParams.set('q', better);
    link.href = url.href;
    link.textContent = quotedQuery(better);
    suggestion.replaceChildren(`${this.#words.text('search.didYouMean')} `, link, '?');
    suggestion.hidden = false;
    // If this query's count was already announced, say the suggestion too;
    // never add it to what was said about an earlier query.
    const status = this.#part<HTMLElement>('search-status');
    if (this.#announcedQuery === query && status.textContent && !status.textContent.includes(suggestion.textContent ?? '')) {
      status.textContent = `${status.textContent} ${suggestion.textContent}`;
    }
  }

  #announce() {
    const query = this.#lastQuery;
    if (!query) return;
    const count = this.#shown.length;
    const selected = this.#selectedCategories();
    // The sentence quotes the query, shortened: the live region reads all of it aloud.
    const quoted = { query: quotedQuery(query) };
    let text: string;
    if (count === 0 && this.#fallbackShown.length > 0) text = this.#fallbackIntro();
    else if (count === 0) text = this.#words.text('search.none', quoted);
    else if (this.#corrected) text = this.#words.plural('search.corrected', count, { ...quoted, corrected: quotedQuery(this.#corrected) });
    else if (this.#pending === 'partial') text = this.#words.plural('search.countPartial', count, quoted);
    else text = this.#words.plural('search.count', count, quoted);
    if (selected.length) text += ` ${this.#words.text('search.filtered', { count: this.#links().length, total: count })}`;
    const suggestion = this.#part<HTMLElement>('search-suggestion');
    if (!suggestion.hidden) text += ` ${suggestion.textContent}`;
    this.#part<HTMLElement>('search-status').textContent = text;
    this.#announcedQuery = query;
    this.#isAnnounceDue = false;
    recordSearch(sessionStore, query, count);
    document.dispatchEvent(new CustomEvent(VISIT_CONTEXT_EVENT));
    this.#noteSearch(query, count);
  }

  /**
   * A search the reader paused on: one with no results, or whose results
   * they may leave unopened. The one before it is told now, unless this one
   * just carries on its typing ("ref", then "refund") — that is one search.
   * With no collector configured, nothing is kept or loaded.
   */
  #noteSearch(query: string, resultCount: number) {
    if (!collectorAddress()) return;
    const previous = this.#unanswered?.query.toLowerCase();
    const current = query.toLowerCase();
    if (previous !== undefined && !current.startsWith(previous) && !previous.startsWith(current)) this.#tellUnanswered();
    this.#unanswered = { query, resultCount };
  }

  /** Sends the pending unanswered search, once. */
  #tellUnanswered() {
    const search = this.#unanswered;
    this.#unanswered = undefined;
    if (search) void sendSearch(search.query, search.resultCount);
  }

  #showUnavailable() {
    this.#part<HTMLElement>('search-people').hidden = false;
    this.#part<HTMLElement>('search-people-intro').hidden = true;
    this.#part<HTMLElement>('search-unavailable').hidden = false;
    this.#part<HTMLElement>('search-status').textContent = this.#part<HTMLElement>('search-unavailable').textContent ?? '';
  }
}

define('handrail-search', HandrailSearch);
