import { updateVisitContext, VISIT_CONTEXT_EVENT } from '../../shared/visit-context.ts';

/** Carries what the reader said was missing into the contact messages on this page. */
export function rememberMissing(missing: string): void {
  let session: Storage | undefined;
  try {
    session = window.sessionStorage;
  } catch {
    // Blocked storage: the answer still reaches this page's links through the event.
  }
  updateVisitContext(session, { missing });
  document.dispatchEvent(new CustomEvent(VISIT_CONTEXT_EVENT));
}
