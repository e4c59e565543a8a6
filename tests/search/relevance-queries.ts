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
  | 'prefix'
  /** What the customer notices ("display blank"), not the article's name for it. */
  | 'symptom';

/** One query and the article that answers it. */
export interface RelevanceQuery {
  /** Exactly what the customer typed. */
  query: string;
  /** Slug of the article that answers it. */
  expected: string;
  kind: QueryKind;
  /**
   * Kept out of tuning: the relevance test reports these only as a total,
   * never query by query, so the search is not fitted to them.
   */
  heldOut?: boolean;
}

/** The first set, written with the search page (wave 1), grouped by kind. */
export const firstQueries: RelevanceQuery[] = [
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

/**
 * Added for issue 14: written from the articles' titles and descriptions
 * only, before any tuning, the way customers write to a chat box: money and
 * account words, symptoms, "why is my …", "can't …", typos. Every third is
 * held out of tuning.
 */
export const customerQueries: RelevanceQuery[] = [
  { query: 'where is my refund', expected: 'get-a-refund', kind: 'synonym' },
  { query: 'refund hasnt come through yet', expected: 'get-a-refund', kind: 'question' },
  { query: 'why is my refund taking so long', expected: 'get-a-refund', kind: 'question', heldOut: true },
  { query: 'why have i been charged twice', expected: 'charged-twice', kind: 'question' },
  { query: 'taken money twice from my account', expected: 'charged-twice', kind: 'synonym' },
  { query: 'two payments on my bank statement for one order', expected: 'charged-twice', kind: 'symptom', heldOut: true },
  { query: 'can i pay in instalments', expected: 'ways-to-pay', kind: 'question' },
  { query: 'do you take paypal', expected: 'ways-to-pay', kind: 'question' },
  { query: 'need a receipt for my work expenses', expected: 'get-an-invoice-or-vat-receipt', kind: 'question', heldOut: true },
  { query: 'where can i find my bill', expected: 'get-an-invoice-or-vat-receipt', kind: 'question' },
  { query: 'card keeps getting declined', expected: 'payment-declined', kind: 'symptom' },
  { query: 'payment wont go through', expected: 'payment-declined', kind: 'symptom', heldOut: true },
  { query: 'why is my payment not going through', expected: 'payment-declined', kind: 'question' },
  { query: 'my employer gave me a cycle to work voucher', expected: 'cycle-to-work-scheme', kind: 'question' },
  { query: 'when do i get my deposit back', expected: 'hire-deposits', kind: 'question' },
  { query: 'how much is the deposit to hire an ebike', expected: 'hire-deposits', kind: 'question', heldOut: true },
  { query: 'forgot my password', expected: 'reset-your-password', kind: 'synonym' },
  { query: 'cant get in', expected: 'trouble-signing-in', kind: 'synonym' },
  { query: 'login not working', expected: 'trouble-signing-in', kind: 'symptom', heldOut: true },
  { query: 'locked out of my account', expected: 'trouble-signing-in', kind: 'symptom' },
  { query: 'why is my account locked', expected: 'trouble-signing-in', kind: 'question' },
  { query: 'new phone cant get my security code', expected: 'cant-sign-in-after-changing-phone', kind: 'question', heldOut: true },
  { query: 'lost my phone and cant log in', expected: 'cant-sign-in-after-changing-phone', kind: 'question' },
  { query: 'verification code not coming through', expected: 'two-step-code-not-working', kind: 'symptom' },
  { query: 'authenticator app says code is wrong', expected: 'two-step-code-not-working', kind: 'symptom', heldOut: true },
  { query: 'how do i turn on 2fa', expected: 'set-up-two-step-verification', kind: 'question' },
  { query: 'stop sending me emails', expected: 'stop-marketing-emails', kind: 'synonym' },
  { query: 'too many emails from you', expected: 'stop-marketing-emails', kind: 'symptom', heldOut: true },
  { query: 'update my email', expected: 'change-your-email-address', kind: 'synonym' },
  { query: 'remove my data', expected: 'delete-your-account', kind: 'synonym' },
  { query: 'i want to delete my profile', expected: 'delete-your-account', kind: 'question', heldOut: true },
  { query: 'when will my bike arrive', expected: 'track-your-order', kind: 'question' },
  { query: 'order hasnt arrived', expected: 'track-your-order', kind: 'symptom' },
  { query: 'how much is shipping', expected: 'delivery-options-and-times', kind: 'question', heldOut: true },
  { query: 'next day delivery', expected: 'delivery-options-and-times', kind: 'fragment' },
  { query: 'can i pick it up from the shop', expected: 'delivery-options-and-times', kind: 'question' },
  { query: 'change delivery address on my order', expected: 'change-your-order', kind: 'question', heldOut: true },
  { query: 'i dont want my order anymore', expected: 'cancel-your-order', kind: 'question' },
  { query: 'box was damaged when it arrived', expected: 'damaged-delivery', kind: 'symptom' },
  { query: 'part missing from my delivery', expected: 'damaged-delivery', kind: 'symptom', heldOut: true },
  { query: 'how do i send something back', expected: 'return-an-item', kind: 'question' },
  { query: 'return policy', expected: 'return-an-item', kind: 'synonym' },
  { query: 'how many days do i have to return a bike', expected: 'return-an-item', kind: 'question', heldOut: true },
  { query: 'bike makes clicking noise', expected: 'book-a-service', kind: 'symptom' },
  { query: 'gears slipping', expected: 'book-a-service', kind: 'symptom' },
  { query: 'how much to fix a puncture', expected: 'service-prices', kind: 'question', heldOut: true },
  { query: 'how long does a service take', expected: 'service-prices', kind: 'question' },
  { query: 'is my bike ready yet', expected: 'collect-your-bike-after-a-repair', kind: 'question' },
  { query: 'where do i find the serial number on my bike', expected: 'find-your-frame-number', kind: 'question', heldOut: true },
  { query: 'my bike broke after 6 months', expected: 'make-a-warranty-claim', kind: 'symptom' },
  { query: 'faulty part is it covered', expected: 'make-a-warranty-claim', kind: 'question' },
  { query: 'do you repair other brands', expected: 'bikes-bought-elsewhere', kind: 'question', heldOut: true },
  { query: 'what should i do before dropping off my bike', expected: 'prepare-your-bike-for-a-service', kind: 'question' },
  { query: 'battery dies fast', expected: 'e-bike-range', kind: 'symptom' },
  { query: 'ebike display blank', expected: 'e-bike-wont-turn-on', kind: 'symptom', heldOut: true },
  { query: 'motor keeps cutting out', expected: 'e-bike-wont-turn-on', kind: 'symptom' },
  { query: 'how many miles on a full charge', expected: 'e-bike-range', kind: 'question' },
  { query: 'can i leave my battery charging overnight', expected: 'look-after-your-e-bike-battery', kind: 'question', heldOut: true },
  { query: 'storing ebike battery in winter', expected: 'look-after-your-e-bike-battery', kind: 'question' },
  { query: 'how to dispose of old battery', expected: 'replace-your-e-bike-battery', kind: 'question' },
  { query: 'can a 14 year old ride an electric bike', expected: 'e-bike-rules-on-the-road', kind: 'question', heldOut: true },
  { query: 'is it legal to ride an ebike on the pavement', expected: 'e-bike-rules-on-the-road', kind: 'question' },
  { query: 'how much to rent a bike for a day', expected: 'hire-a-bike', kind: 'question' },
  { query: 'can i extend my hire', expected: 'change-or-cancel-a-hire-booking', kind: 'question', heldOut: true },
  { query: 'going to be late returning hire bike', expected: 'change-or-cancel-a-hire-booking', kind: 'question' },
  { query: 'crashed the hire bike', expected: 'damage-or-theft-during-hire', kind: 'symptom' },
  { query: 'need to cancel my bike rental', expected: 'change-or-cancel-a-hire-booking', kind: 'question', heldOut: true },
  { query: 'phone number', expected: 'contact-us', kind: 'synonym' },
  { query: 'talk to a human', expected: 'contact-us', kind: 'synonym' },
  { query: 'i want to complain', expected: 'make-a-complaint', kind: 'question', heldOut: true },
  { query: 'not happy with the service i got', expected: 'make-a-complaint', kind: 'symptom' },
  { query: 'where is your shop', expected: 'visit-the-shop', kind: 'question' },
  { query: 'is there parking at the shop', expected: 'visit-the-shop', kind: 'question', heldOut: true },
  { query: 'can i test ride a bike', expected: 'visit-the-shop', kind: 'question' },
  { query: 'your website isnt loading', expected: 'website-or-phone-line-down', kind: 'symptom' },
  { query: 'app not working', expected: 'website-or-phone-line-down', kind: 'symptom', heldOut: true },
  { query: 'do you have large print', expected: 'accessibility-options', kind: 'question' },
  { query: 'im deaf how can i contact you', expected: 'accessibility-options', kind: 'question' },
  { query: 'refund hasnt arived', expected: 'get-a-refund', kind: 'misspelling', heldOut: true },
  { query: 'cancell order', expected: 'cancel-your-order', kind: 'misspelling' },
  { query: 'pasword forgoten', expected: 'reset-your-password', kind: 'misspelling' },
  { query: 'delivary cost', expected: 'delivery-options-and-times', kind: 'misspelling', heldOut: true },
  { query: 'gaurantee', expected: 'make-a-warranty-claim', kind: 'misspelling' },
  { query: 'reciept for my order', expected: 'get-an-invoice-or-vat-receipt', kind: 'misspelling' },
  { query: 'e bike batery replacement', expected: 'replace-your-e-bike-battery', kind: 'misspelling', heldOut: true },
  { query: 'two step verfication', expected: 'set-up-two-step-verification', kind: 'misspelling' },
];

/**
 * Added with the question-aware query rewrite (issue 14, step 4): whole
 * questions as customers type them into a chat box, with their fillers
 * ("hi", "please", "i was wondering"), missing apostrophes, typos in small
 * words too ("hwo", "teh"), money and account words. Written from the
 * articles' titles and descriptions before the rewrite was changed; every
 * other one is held out of tuning.
 */
export const questionQueries: RelevanceQuery[] = [
  { query: 'hi how do i get my money back for a bike i returned', expected: 'return-an-item', kind: 'question' },
  { query: 'why is my refund not showing on my card', expected: 'get-a-refund', kind: 'question', heldOut: true },
  { query: 'you took money from my account twice', expected: 'charged-twice', kind: 'symptom' },
  { query: 'why have you taken two payments', expected: 'charged-twice', kind: 'question', heldOut: true },
  { query: 'cant pay with my card', expected: 'payment-declined', kind: 'question' },
  { query: 'why does my card keep getting rejected at checkout', expected: 'payment-declined', kind: 'question', heldOut: true },
  { query: 'hwo do i pay in monthly payments', expected: 'ways-to-pay', kind: 'misspelling' },
  { query: 'how do i charge my ebike battery properly', expected: 'look-after-your-e-bike-battery', kind: 'question', heldOut: true },
  { query: 'what do i need to bring when i hire a bike', expected: 'hire-a-bike', kind: 'question' },
  { query: 'i need an invoice with my company name on it', expected: 'get-an-invoice-or-vat-receipt', kind: 'question', heldOut: true },
  { query: 'i forgot my password how do i get back in', expected: 'reset-your-password', kind: 'question' },
  { query: 'cant remember my password', expected: 'reset-your-password', kind: 'question', heldOut: true },
  { query: 'why cant i log into my account', expected: 'trouble-signing-in', kind: 'question' },
  { query: 'it says my password is wrong but its not', expected: 'trouble-signing-in', kind: 'symptom', heldOut: true },
  { query: 'i got a new phone and now i cant sign in', expected: 'cant-sign-in-after-changing-phone', kind: 'question' },
  { query: 'not getting the sign in code by text', expected: 'two-step-code-not-working', kind: 'symptom', heldOut: true },
  { query: 'how do i make my account more secure', expected: 'set-up-two-step-verification', kind: 'question' },
  { query: 'how can i change the email on my account', expected: 'change-your-email-address', kind: 'question', heldOut: true },
  { query: 'please stop emailing me offers', expected: 'stop-marketing-emails', kind: 'question' },
  { query: 'how do i close my account and delete my details', expected: 'delete-your-account', kind: 'question', heldOut: true },
  { query: 'when will my order get here', expected: 'track-your-order', kind: 'question' },
  { query: 'my bike still hasnt been delivered', expected: 'track-your-order', kind: 'symptom', heldOut: true },
  { query: 'how much does delivery cost', expected: 'delivery-options-and-times', kind: 'question' },
  { query: 'can i collect my order from the shop instead', expected: 'delivery-options-and-times', kind: 'question', heldOut: true },
  { query: 'i ordered the wrong size can i change it', expected: 'change-your-order', kind: 'question' },
  { query: 'how do i cancel an order i just placed', expected: 'cancel-your-order', kind: 'question', heldOut: true },
  { query: 'the bike came with a scratch on the frame', expected: 'damaged-delivery', kind: 'symptom' },
  { query: 'can i send back a helmet i dont want', expected: 'return-an-item', kind: 'question', heldOut: true },
  { query: 'how do i book my bike in for a service', expected: 'book-a-service', kind: 'question' },
  { query: 'what does a full service cost', expected: 'service-prices', kind: 'question', heldOut: true },
  { query: 'how will i know when my bike is fixed', expected: 'collect-your-bike-after-a-repair', kind: 'question' },
  { query: 'my brakes are squeaking can you look at them', expected: 'book-a-service', kind: 'symptom', heldOut: true },
  { query: 'is a broken frame covered by the warranty', expected: 'make-a-warranty-claim', kind: 'question' },
  { query: 'why wont my ebike charge', expected: 'e-bike-wont-turn-on', kind: 'question', heldOut: true },
  { query: 'my ebike keeps cutting out', expected: 'e-bike-wont-turn-on', kind: 'symptom' },
  { query: 'how many miles will teh battery last', expected: 'e-bike-range', kind: 'misspelling', heldOut: true },
  { query: 'how do i get rid of an old ebike battery', expected: 'replace-your-e-bike-battery', kind: 'question' },
  { query: 'how should i store my battery over winter', expected: 'look-after-your-e-bike-battery', kind: 'question', heldOut: true },
  { query: 'do i need a licence to ride an ebike', expected: 'e-bike-rules-on-the-road', kind: 'question' },
  { query: 'how much is it to hire an ebike for the weekend', expected: 'hire-a-bike', kind: 'question', heldOut: true },
  { query: 'when do i get my hire deposit back', expected: 'hire-deposits', kind: 'question' },
  { query: 'i need to move my hire booking to another day', expected: 'change-or-cancel-a-hire-booking', kind: 'question', heldOut: true },
  { query: 'someone stole the bike i hired', expected: 'damage-or-theft-during-hire', kind: 'symptom' },
  { query: 'whats the number to call you', expected: 'contact-us', kind: 'question', heldOut: true },
  { query: 'i want to make a complaint about my repair', expected: 'make-a-complaint', kind: 'question' },
  { query: 'what are your opening hours', expected: 'visit-the-shop', kind: 'question', heldOut: true },
  { query: 'is your site down', expected: 'website-or-phone-line-down', kind: 'question' },
  { query: 'do you have sign language', expected: 'accessibility-options', kind: 'question', heldOut: true },
];

/** Every query the relevance check runs. */
export const relevanceQueries: RelevanceQuery[] = [...firstQueries, ...customerQueries, ...questionQueries];
