/**
 * The only script that runs before first paint, inlined in every page's
 * head by the Handrail integration (and allowed by its hash in the
 * Content-Security-Policy). Everything here changes how the first frame
 * looks; anything else belongs in an element's own module.
 */
import { isThemeChoice, THEME_STORAGE_KEY } from '../shared/theme.ts';
import { readStored } from './ui.ts';

const root = document.documentElement;
// CSS shows script-only controls at once, so nothing shifts when they wake up.
root.classList.add('js');
// The search page keeps room for the results it is about to show for ?q=.
if (/[?&]q=/.test(location.search)) root.classList.add('hr-query');
const theme = readStored('localStorage', THEME_STORAGE_KEY);
if (isThemeChoice(theme)) root.dataset.theme = theme;
