/**
 * The only place an axe finding may be accepted. Each entry names one rule,
 * one exact element, the pages it applies to, why it is not a barrier, and a
 * link to the evidence. Never add a rule without a selector, and never turn a
 * rule off site-wide: fix the markup instead wherever that is possible.
 */
export interface AxeException {
  /** axe rule id, e.g. "color-contrast". */
  rule: string;
  /** The element's CSS selector exactly as axe reports it in `target`. */
  selector: string;
  /** Root-relative page paths the exception applies to. */
  pages: RegExp;
  /** Why this is not a barrier for people, in a sentence or two. */
  reason: string;
  /** Where the reasoning is recorded: an issue, a WCAG understanding doc, an axe rule page. */
  link: string;
}

/** Accepted findings. Empty: every page passes every rule in the tags the audit runs. */
export const axeExceptions: AxeException[] = [];
