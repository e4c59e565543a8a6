/**
 * <handrail-save-offline>: "Save for offline" downloads every page of the
 * reader's language (`data-language`), its search and the shared files into
 * this device's cache, with that copy's size shown first (read from
 * offline-summary.json, which the build writes), an accessible progress bar
 * announced every quarter, a cancel button, and a way to remove the copy
 * again. Each language's copy is a cache of its own. Needs cache storage and
 * a service worker; without them the section stays hidden.
 */
import { announceStep, formatBytes, isInCopy, OFFLINE_MANIFEST_FILE, OFFLINE_SUMMARY_FILE, savedCacheName, type OfflineManifest, type OfflineSummary } from '../shared/offline.ts';
import { define, part, readStored, writeStored } from './ui.ts';
import { wordsOf } from './words.ts';

const SAVED_KEY = 'handrail-saved';
const PARALLEL = 4;
const base = import.meta.env.BASE_URL;

class HandrailSaveOffline extends HTMLElement {
  #abort?: AbortController;
  #release = '';
  readonly #words = wordsOf(this);
  /** The language whose copy this control saves; none on a site built without languages (one copy of everything). */
  #language?: string;

  get #cacheName() {
    return savedCacheName(this.#release, this.#language);
  }

  get #savedKey() {
    return this.#language ? `${SAVED_KEY}-${this.#language}` : SAVED_KEY;
  }

  async connectedCallback() {
    if (!('caches' in window) || !('serviceWorker' in navigator)) return;
    let summary: OfflineSummary;
    try {
      summary = (await (await fetch(`${base}${OFFLINE_SUMMARY_FILE}`, { cache: 'no-cache' })).json()) as OfflineSummary;
    } catch {
      return; // Offline before the worker cached it: there is nothing to offer yet.
    }
    this.#release = summary.release;
    const copies = summary.languages ?? {};
    const own = this.dataset.language ? copies[this.dataset.language] : undefined;
    if (own) this.#language = this.dataset.language;
    // Several languages: the reader saves theirs, and is told it is theirs.
    const isOneOfSeveral = own !== undefined && Object.keys(copies).length > 1;
    part(this, 'save-body').textContent = this.#words.text(isOneOfSeveral ? 'offline.saveBodyLanguage' : 'offline.saveBody', { size: formatBytes(own?.bytes ?? summary.bytes, this.#words.locale) });
    this.hidden = false;
    part(this, 'save').addEventListener('click', () => void this.#save());
    part(this, 'cancel').addEventListener('click', () => this.#abort?.abort());
    part(this, 'remove').addEventListener('click', () => void this.#remove());
    const savedOn = readStored('localStorage', this.#savedKey);
    if (savedOn && (await caches.has(this.#cacheName))) this.#showSaved(new Date(savedOn), false);
  }

  #showSaved(date: Date, shouldFocus: boolean) {
    part(this, 'status').textContent = this.#words.text('offline.saved', { date: date.toLocaleDateString(this.#words.locale, { dateStyle: 'long' }) });
    const remove = part(this, 'remove');
    remove.hidden = false;
    if (shouldFocus) remove.focus();
  }

  async #save() {
    const area = part(this, 'progress-area');
    const bar = part<HTMLProgressElement>(this, 'progress');
    const text = part(this, 'progress-text');
    const status = part(this, 'status');
    const saveButton = part<HTMLButtonElement>(this, 'save');
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    saveButton.disabled = true;
    area.hidden = false;
    status.textContent = '';
    part(this, 'cancel').focus();
    let announced = 0;
    try {
      const manifest = (await (await fetch(`${base}${OFFLINE_MANIFEST_FILE}`, { signal, cache: 'no-store' })).json()) as OfflineManifest;
      // The copy belongs to the release the files come from, which may be newer than the summary.
      this.#release = manifest.release;
      const cache = await caches.open(this.#cacheName);
      const files = this.#language ? manifest.files.filter((file) => isInCopy(file, this.#language!)) : manifest.files;
      const total = files.length;
      let done = 0;
      const queue = [...files];
      const worker = async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          const response = await fetch(file.url, { signal, cache: 'no-store' });
          if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
          await cache.put(file.url, response);
          done++;
          bar.value = Math.round((done / total) * 100);
          text.textContent = this.#words.text('offline.progress', { done, total });
          const step = announceStep(done, total, announced);
          if (step !== undefined) {
            announced = step;
            status.textContent = this.#words.text('offline.progressStep', { percent: step });
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      const now = new Date();
      writeStored('localStorage', this.#savedKey, now.toISOString());
      area.hidden = true;
      this.#showSaved(now, true);
    } catch {
      await caches.delete(this.#cacheName);
      area.hidden = true;
      status.textContent = this.#words.text(signal.aborted ? 'offline.cancelled' : 'offline.failed');
      saveButton.focus();
    } finally {
      saveButton.disabled = false;
    }
  }

  async #remove() {
    await caches.delete(this.#cacheName);
    writeStored('localStorage', this.#savedKey, null);
    part(this, 'remove').hidden = true;
    part(this, 'status').textContent = this.#words.text('offline.removed');
    part(this, 'save').focus();
  }
}

define('handrail-save-offline', HandrailSaveOffline);
