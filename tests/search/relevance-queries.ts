/**
 * What customers type into the help center's search, and the article that
 * answers each one. Written the way people actually search (lower case,
 * missing apostrophes, typos, half-typed words, whole questions), not
 * worded to suit the index: a query that ranks badly is a finding about
 * the search, never a reason to reword the query.
 *
 * `expected` is the article's slug (its file name; the page is
 * /articles/<slug>/). Where two articles could both help, the one a support
 * agent would send is expected.
 */

/** Which way of asking a query stands for. */
export type QueryKind =
  /** Words from the article's own title. */
  | 'title'
  /** The customer's word for it, not the article's ("money back" for refund). */
  | 'synonym'
  /** A typo or a misspelling. */
  | 'misspelling'
  /** A plural where the article says the singular, or the other way round. */
  | 'plural'
  /** A whole question or sentence, as typed into a chat box. */
  | 'question'
  /** Two words picked out of the middle of the topic. */
  | 'fragment'
  /** The start of a word, as results update while typing. */
  | 'prefix';

/** One query and the article that answers it. */
export interface RelevanceQuery {
  /** Exactly what the customer typed. */
  query: string;
  /** Slug of the article that answers it. */
  expected: string;
  kind: QueryKind;
}

/** Every query the relevance check runs, grouped by kind. */
export const relevanceQueries: RelevanceQuery[] = [
  // Words from the title
  { query: 'reset password', expected: 'reset-your-password', kind: 'title' },
  { query: 'track my order', expected: 'track-your-order', kind: 'title' },
  { query: 'delivery options', expected: 'delivery-options-and-times', kind: 'title' },
  { query: 'make a complaint', expected: 'make-a-complaint', kind: 'title' },
  { query: 'frame number', expected: 'find-your-frame-number', kind: 'title' },
  { query: 'warranty claim', expected: 'make-a-warranty-claim', kind: 'title' },
  { query: 'payment declined', expected: 'payment-declined', kind: 'title' },
  { query: 'cycle to work', expected: 'cycle-to-work-scheme', kind: 'title' },
  { query: 'delete account', expected: 'delete-your-account', kind: 'title' },
  { query: 'change email address', expected: 'change-your-email-address', kind: 'title' },
  { query: 'vat receipt', expected: 'get-an-invoice-or-vat-receipt', kind: 'title' },
  { query: 'service prices', expected: 'service-prices', kind: 'title' },
  { query: 'ways to pay', expected: 'ways-to-pay', kind: 'title' },

  // The customer's own word
  { query: 'money back', expected: 'get-a-refund', kind: 'synonym' },
  { query: 'cant log in', expected: 'trouble-signing-in', kind: 'synonym' },
  { query: 'guarantee', expected: 'make-a-warranty-claim', kind: 'synonym' },
  { query: 'postage', expected: 'delivery-options-and-times', kind: 'synonym' },
  { query: 'double payment', expected: 'charged-twice', kind: 'synonym' },
  { query: 'card rejected', expected: 'payment-declined', kind: 'synonym' },
  { query: 'rent an electric bike', expected: 'hire-a-bike', kind: 'synonym' },
  { query: 'serial number', expected: 'find-your-frame-number', kind: 'synonym' },
  { query: 'speak to a person', expected: 'contact-us', kind: 'synonym' },
  { query: 'close my account', expected: 'delete-your-account', kind: 'synonym' },
  { query: 'bsl', expected: 'accessibility-options', kind: 'synonym' },
  { query: 'website not working', expected: 'website-or-phone-line-down', kind: 'synonym' },
  { query: 'unsubscribe', expected: 'stop-marketing-emails', kind: 'synonym' },
  { query: 'tune up cost', expected: 'service-prices', kind: 'synonym' },
  { query: 'rental bike stolen', expected: 'damage-or-theft-during-hire', kind: 'synonym' },

  // Typos
  { query: 'refnud', expected: 'get-a-refund', kind: 'misspelling' },
  { query: 'pasword reset', expected: 'reset-your-password', kind: 'misspelling' },
  { query: 'delivry times', expected: 'delivery-options-and-times', kind: 'misspelling' },
  { query: 'warrenty', expected: 'make-a-warranty-claim', kind: 'misspelling' },
  { query: 'complant', expected: 'make-a-complaint', kind: 'misspelling' },
  { query: 'invoce', expected: 'get-an-invoice-or-vat-receipt', kind: 'misspelling' },
  { query: 'cancle my order', expected: 'cancel-your-order', kind: 'misspelling' },
  { query: 'batery care', expected: 'look-after-your-e-bike-battery', kind: 'misspelling' },
  { query: 'recipt', expected: 'get-an-invoice-or-vat-receipt', kind: 'misspelling' },
  { query: 'acessibility', expected: 'accessibility-options', kind: 'misspelling' },
  { query: 'hire deposite', expected: 'hire-deposits', kind: 'misspelling' },

  // Plural for singular and back
  { query: 'refunds', expected: 'get-a-refund', kind: 'plural' },
  { query: 'deposit', expected: 'hire-deposits', kind: 'plural' },
  { query: 'invoices', expected: 'get-an-invoice-or-vat-receipt', kind: 'plural' },
  { query: 'replacement batteries', expected: 'replace-your-e-bike-battery', kind: 'plural' },
  { query: 'complaints', expected: 'make-a-complaint', kind: 'plural' },
  { query: 'warranties', expected: 'make-a-warranty-claim', kind: 'plural' },
  { query: 'hire bikes', expected: 'hire-a-bike', kind: 'plural' },

  // Whole questions
  { query: 'how do I reset my password', expected: 'reset-your-password', kind: 'question' },
  { query: 'my card was charged twice what do I do', expected: 'charged-twice', kind: 'question' },
  { query: 'cant sign in after changing phone', expected: 'cant-sign-in-after-changing-phone', kind: 'question' },
  { query: 'where is my order', expected: 'track-your-order', kind: 'question' },
  { query: 'how long does a refund take', expected: 'get-a-refund', kind: 'question' },
  { query: 'do i need insurance for an electric bike', expected: 'e-bike-rules-on-the-road', kind: 'question' },
  { query: 'how far can my ebike go', expected: 'e-bike-range', kind: 'question' },
  { query: 'can you fix a bike i bought online', expected: 'bikes-bought-elsewhere', kind: 'question' },
  { query: 'why was my payment declined', expected: 'payment-declined', kind: 'question' },
  { query: 'how much does a service cost', expected: 'service-prices', kind: 'question' },
  { query: 'what happens if i get a puncture on a hire bike', expected: 'damage-or-theft-during-hire', kind: 'question' },
  { query: 'my parcel arrived broken', expected: 'damaged-delivery', kind: 'question' },
  { query: 'can i change the size on my order', expected: 'change-your-order', kind: 'question' },
  { query: 'im not getting the text with my code', expected: 'two-step-code-not-working', kind: 'question' },
  { query: 'my ebike wont turn on', expected: 'e-bike-wont-turn-on', kind: 'question' },

  // Two words from the middle of the topic
  { query: 'battery care', expected: 'look-after-your-e-bike-battery', kind: 'fragment' },
  { query: 'hire deposit', expected: 'hire-deposits', kind: 'fragment' },
  { query: 'click and collect', expected: 'delivery-options-and-times', kind: 'fragment' },
  { query: 'salary sacrifice', expected: 'cycle-to-work-scheme', kind: 'fragment' },
  { query: 'pay monthly', expected: 'ways-to-pay', kind: 'fragment' },
  { query: 'road tax', expected: 'e-bike-rules-on-the-road', kind: 'fragment' },
  { query: 'bike ready', expected: 'collect-your-bike-after-a-repair', kind: 'fragment' },
  { query: 'apple pay', expected: 'ways-to-pay', kind: 'fragment' },

  // Half-typed words, as results update while typing
  { query: 'warra', expected: 'make-a-warranty-claim', kind: 'prefix' },
  { query: 'refu', expected: 'get-a-refund', kind: 'prefix' },
  { query: 'invoi', expected: 'get-an-invoice-or-vat-receipt', kind: 'prefix' },
  { query: 'track my ord', expected: 'track-your-order', kind: 'prefix' },
  { query: 'accessib', expected: 'accessibility-options', kind: 'prefix' },
  { query: 'frame num', expected: 'find-your-frame-number', kind: 'prefix' },
  { query: 'unsubsc', expected: 'stop-marketing-emails', kind: 'prefix' },
];
