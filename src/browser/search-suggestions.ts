/**
 * The header search's suggestions (WAI-ARIA APG combobox with a listbox
 * popup, list autocomplete with manual selection), loaded by
 * <handrail-search-combobox> when the field first takes focus. The best
 * articles show as the customer types, with their topic; "See all results"
 * and "Talk to a person" are always the last two options, the second
 * carrying the query to the people as the search page's hand-over does (the
 * visit's searches go into the contact message). The count is announced
 * once typing pauses. A slow search (the index still arriving) opens the
 * list with those two options and says "Searching…" until the articles
 * come. Keys: Down and Up move through the options (and open
 * the list), Home and End jump to the first and last while an option is
 * active, Enter opens the active option or, with none, submits the form to
 * the search page, Escape closes the list and puts back what was typed.
 */
import { planQuery, quotedQuery } from '../shared/search/query.ts';
import { toSearchResult, type SearchResult } from '../shared/search/result.ts';
import { recordSearch, VISIT_CONTEXT_EVENT } from '../shared/visit-context.ts';
import { loadPagefind, loadVocabulary, searchPages, SLOW_SEARCH_MS } from './search-engine.ts';
import { part, sessionStore } from './ui.ts';
import { wordsOf } from './words.ts';

/** How many articles are suggested; the search page shows the rest. */
export const SUGGESTED = 5;
/** Quiet after the last key before the count is spoken, so the live region never talks over typing. */
const ANNOUNCE_PAUSE = 700;

type Option = { kind: 'article'; result: SearchResult } | { kind: 'all' } | { kind: 'people' };

/** Gives a header search field its suggestions. `root` holds the form, the listbox and the live region. */
export function enhance(root: HTMLElement, input: HTMLInputElement): void {
  const words = wordsOf(root);
  const form = input.form!;
  const listbox = part<HTMLUListElement>(root, 'listbox');
  const status = part<HTMLElement>(root, 'status');
  // Fetch the index and its wasm now, while the customer starts typing.
  void loadPagefind().catch(() => undefined);
  void loadVocabulary();

  /** What the customer typed (arrowing through the options shows each title in the field instead). */
  let typed = input.value;
  /** The query the listbox's options are for, and whether its search failed. */
  let shownQuery = '';
  let isUnavailable = false;
  /** The list shows only the two options that need no index, while a slow search runs. */
  let isSearching = false;
  let options: Option[] = [];
  let active = -1;
  let isAnnounceDue = false;
  /** Closed with Escape: results still arriving for the query must not open it again. */
  let isDismissed = false;
  let announceTimer = 0;
  /** Stops the search in progress when a newer query replaces it. */
  let current: AbortController | undefined;

  const searchAddress = (query: string) => {
    const url = new URL(form.action);
    url.searchParams.set('q', query.trim());
    return url.href;
  };

  const isOpen = () => !listbox.hidden;
  const setOpen = (open: boolean) => {
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  };

  function setActive(index: number) {
    active = index;
    listbox.querySelector('[aria-selected="true"]')?.setAttribute('aria-selected', 'false');
    const item = listbox.children[index] as HTMLElement | undefined;
    if (!item) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    item.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', item.id);
    item.scrollIntoView({ block: 'nearest' });
    const option = options[index]!;
    input.value = option.kind === 'article' ? option.result.title : typed;
  }

  /** The options for a query; while its search is still running (`isPending`), only the two that need no index. */
  function render(query: string, results: SearchResult[], isPending = false) {
    shownQuery = query;
    isSearching = isPending;
    options = [...results.map((result): Option => ({ kind: 'article', result })), { kind: 'all' }, { kind: 'people' }];
    // data-query says the options are the query's; data-searching that they are on their way.
    if (isPending) {
      delete listbox.dataset.query;
      listbox.dataset.searching = '';
    } else {
      listbox.dataset.query = query;
      delete listbox.dataset.searching;
    }
    listbox.replaceChildren(
      ...options.map((option, i) => {
        const item = document.createElement('li');
        item.id = `${listbox.id}-${i}`;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        item.className = `header-search__option header-search__option--${option.kind}`;
        if (option.kind === 'article') {
          const title = Object.assign(document.createElement('span'), { className: 'header-search__title', textContent: option.result.title });
          item.append(title);
          if (option.result.category) {
            // The comma is for screen readers, which would otherwise run title and topic together.
            const comma = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ', ' });
            const category = Object.assign(document.createElement('span'), { className: 'header-search__category', textContent: option.result.category });
            item.append(comma, category);
          }
        } else {
          item.textContent = option.kind === 'all' ? words.text('search.seeAll', { query: quotedQuery(query) }) : words.text('search.peopleHeading');
        }
        return item;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
  }

  async function update(query: string, signal: AbortSignal) {
    const plan = planQuery(query);
    if (!plan.full) {
      shownQuery = '';
      isSearching = false;
      status.textContent = '';
      setOpen(false);
      return;
    }
    let results: SearchResult[] = [];
    let hasFailed = false;
    // Only small words so far ("how do i", a single letter): nothing to suggest yet, and
    // searching them would match most of a large help center (Pagefind matches the start
    // of words), holding up the words that follow by seconds. The search page still
    // searches them as typed.
    if (plan.terms.length) {
      const slow = window.setTimeout(() => {
        if (signal.aborted || query !== typed) return;
        render(query, [], true);
        setOpen(document.activeElement === input && !isDismissed);
        status.textContent = words.text('search.searching');
      }, SLOW_SEARCH_MS);
      try {
        results = (await searchPages(query, { limit: SUGGESTED, signal, isTyping: true })).pages.map((page) => toSearchResult(page, words.locale));
      } catch {
        // No index (or part of it failed to load): the two last options still lead on.
        hasFailed = true;
      } finally {
        window.clearTimeout(slow);
      }
    }
    // Typing went on while this ran: the newer query's results are what to show.
    if (signal.aborted || query !== typed) return;
    isUnavailable = hasFailed;
    render(query, results);
    setOpen(document.activeElement === input && !isDismissed);
    if (isAnnounceDue) announce();
  }

  /**
   * Searches now, so results follow every pause however short; the search
   * in progress stops before its next step (Pagefind's searches run one at
   * a time, so a superseded query would hold up the newer one).
   */
  function request(query: string) {
    current?.abort();
    current = new AbortController();
    void update(query, current.signal);
  }

  function announce() {
    if (isSearching) return; // its count is said when it ends
    isAnnounceDue = false;
    const query = shownQuery.trim();
    if (!query) return;
    const count = options.length - 2;
    const quoted = { query: quotedQuery(query) };
    status.textContent = isUnavailable
      ? words.text('search.unavailable')
      : count
        ? words.plural('search.suggestionCount', count, quoted)
        : words.text('search.suggestionsNone', quoted);
    if (!isUnavailable) {
      // As on the search page: a message to the people lists what was searched.
      recordSearch(sessionStore, query, count);
      document.dispatchEvent(new CustomEvent(VISIT_CONTEXT_EVENT));
    }
  }

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'article') return location.assign(option.result.url);
    if (option.kind === 'all') return location.assign(searchAddress(typed));
    recordSearch(sessionStore, typed, options.length - 2);
    location.assign(root.dataset.contact ?? '/');
  }

  const onInput = () => {
    typed = input.value;
    isDismissed = false;
    window.clearTimeout(announceTimer);
    isAnnounceDue = false;
    announceTimer = window.setTimeout(() => {
      isAnnounceDue = true;
      if (shownQuery === typed && typed.trim()) announce();
    }, ANNOUNCE_PAUSE);
    request(typed);
  };
  input.addEventListener('input', onInput);

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const count = listbox.children.length;
    const hasOptions = shownQuery !== '' && shownQuery === typed && count > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!hasOptions) return;
        event.preventDefault();
        isDismissed = false;
        const isDown = event.key === 'ArrowDown';
        if (!isOpen()) {
          setOpen(true);
          // Alt+Down opens the list without choosing (APG).
          if (!event.altKey) setActive(isDown ? 0 : count - 1);
          return;
        }
        setActive(isDown ? (active + 1) % count : active <= 0 ? count - 1 : active - 1);
        return;
      }
      case 'Home':
      case 'End':
        // With no active option the keys move the caret in the text.
        if (!isOpen() || active < 0) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : count - 1);
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (active >= 0) setActive(-1);
        return;
      case 'Enter':
        if (!isOpen() || active < 0) return; // the form submits to the search page
        event.preventDefault();
        choose(active);
        return;
      case 'Escape':
        isDismissed = true;
        if (!isOpen()) return;
        event.preventDefault();
        setOpen(false);
        input.value = typed;
        return;
    }
  });

  // A press on an option must not take focus from the field (the list would close first).
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const item = (event.target as Element).closest('[role="option"]');
    if (item) choose([...listbox.children].indexOf(item));
  });
  input.addEventListener('blur', () => setOpen(false));
  // Typed before this module arrived: search it now.
  if (typed.trim()) onInput();
}
