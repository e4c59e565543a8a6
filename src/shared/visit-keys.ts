// Constants only, so a page can check for visit context without loading the code that uses it.

/** Where this visit's context is kept: the tab's session storage, never sent anywhere. */
export const VISIT_CONTEXT_KEY = 'handrail-visit';
/** Fired on document when the visit context changes, so open contact panels can update. */
export const VISIT_CONTEXT_EVENT = 'handrail:context';
