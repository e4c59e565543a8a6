/**
 * The behaviour of what every page has, loaded as one module by BaseLayout's
 * script. Each file is one custom element (or one job); they share a module
 * because these parts always appear together, and one file is what keeps an
 * article's JavaScript before interaction within its 3 KB budget: a script
 * per component costs a request and a compressed file's overhead each
 * (measured: about 0.3 KB for six). The feedback element is here too — it is
 * on every article, and defining it elsewhere costs more than it weighs.
 * Search results and Save for offline, each on one page, load their own;
 * the header search's suggestions load when its field takes focus.
 */
import './theme-toggle.ts';
import './search-shortcut.ts';
import './search-combobox.ts';
import './notices.ts';
import './offline-notice.ts';
import './channels.ts';
import './service-worker-registration.ts';
import './feedback.ts';
// Sends votes and contacts to the collector, on pages whose owner runs one.
import './listening-loader.ts';
// Dev server only; nothing of it is in a build.
import './dev-content-reload.ts';
