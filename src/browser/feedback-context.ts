/**
 * Carries what the reader said was missing into the contact messages on this
 * page and the rest of the visit. Loaded by <handrail-feedback> on the first
 * keystroke in its answer field.
 */
import { updateVisitContext, VISIT_CONTEXT_EVENT } from '../shared/visit-context.ts';
import { sessionStore } from './ui.ts';

/** Stores the answer (in the tab's session storage, never sent) and tells open contact lists. */
export function rememberMissing(missing: string): void {
  updateVisitContext(sessionStore, { missing });
  document.dispatchEvent(new CustomEvent(VISIT_CONTEXT_EVENT));
}
