/**
 * Synthetic help centers for the benchmark: deterministic (the same size and
 * seed always give the same files), with the shapes real articles have —
 * steps, task lists, tables, notes, cross-links — over several categories.
 */

/** A small, fast, seedable random number generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  ['orders', 'Orders and delivery'],
  ['returns', 'Returns and exchanges'],
  ['billing', 'Payments and invoices'],
  ['account', 'Your account'],
  ['repairs', 'Repairs and servicing'],
  ['parts', 'Parts and accessories'],
  ['ebikes', 'E-bikes and batteries'],
  ['hire', 'Bike hire'],
  ['business', 'Business accounts'],
  ['shop', 'Visiting the shop'],
  ['safety', 'Safety and recalls'],
  ['help', 'Getting help'],
] as const;

const ACTIONS = ['Change', 'Cancel', 'Track', 'Return', 'Repair', 'Replace', 'Update', 'Check', 'Pay for', 'Book', 'Find', 'Clean', 'Adjust', 'Register', 'Upgrade'];
const OBJECTS = [
  'a road bike order', 'a gravel bike', 'an e-bike battery', 'a child seat', 'brake pads', 'a puncture repair kit', 'a cargo bike', 'a hire booking',
  'a gift voucher', 'a workshop booking', 'a delivery slot', 'a click and collect order', 'a saddle', 'a wheel set', 'a chain', 'a cassette',
  'a helmet', 'a lock', 'lights', 'mudguards', 'a pannier rack', 'a frame bag', 'a bike computer', 'pedals', 'tyres', 'inner tubes',
  'a suspension fork', 'a dropper post', 'a bottom bracket', 'gear cables', 'a charger', 'a trailer', 'a turbo trainer', 'a business invoice',
  'a trade account', 'a cycle to work voucher', 'a loyalty card', 'a warranty claim', 'a recall notice', 'a service plan', 'a bike fit',
  'a folding bike', 'a tandem', 'a balance bike', 'a kids bike', 'a hybrid bike', 'a mountain bike', 'a touring bike', 'a fixed gear bike',
  'a cargo box', 'a rain cape', 'gloves', 'overshoes', 'a pump', 'a multi-tool', 'a stand', 'a roof rack', 'a tow bar rack', 'a bell', 'reflectors',
];
const QUALIFIERS = [
  'online', 'in the shop', 'by phone', 'after delivery', 'before dispatch', 'on the app', 'for a business', 'for a child', 'in winter',
  'after an accident', 'under warranty', 'outside the UK', 'with a voucher', 'on finance', 'as a gift', 'for an event', 'in a hurry',
  'when it is late', 'when it is damaged', 'when it is missing parts', 'when the app is down', 'after moving house', 'with a new card',
  'without an account', 'for someone else', 'after 30 days', 'during a sale', 'for a group', 'at the weekend', 'on a bank holiday',
];
const VERBS = ['open', 'choose', 'select', 'check', 'enter', 'confirm', 'wait for', 'look for', 'type', 'press'];
const SCREENS = ['Your account', 'Orders', 'Bookings', 'Payments', 'Settings', 'Help', 'Deliveries', 'Returns', 'Workshop', 'Hire'];
const SENTENCES = [
  'Most customers finish this in a few minutes.',
  'You will get an email to confirm each change.',
  'Keep your order number handy; it starts with LB-.',
  'If the page looks different, make sure the app is up to date.',
  'Our team can do this for you if you would rather not do it yourself.',
  'Prices include VAT and are shown before you confirm.',
  'Changes made after 4pm are handled the next working day.',
  'You can undo this within 24 hours from the same page.',
  'Bring the bike to the shop if a part feels loose or makes a noise.',
  'We will tell you by text when it is ready.',
];

/** Pictures from the demo's public/images/, so articles show images the build must size. */
const IMAGES = ['account-menu.svg', 'battery-charge-indicator.svg', 'frame-number-location.svg'];

/** The shape of the generated help center. */
export interface GeneratedContent {
  /** Relative path in the content folder → file text. */
  files: Map<string, string>;
  articleCount: number;
}

/** Generates `count` articles (and their categories) deterministically from `seed`. */
export function generateHelpCenter(count: number, seed = 1): GeneratedContent {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const files = new Map<string, string>();
  CATEGORIES.forEach(([slug, title], i) => {
    files.set(`categories/${slug}.yaml`, `title: ${title}\ndescription: Help with ${title.toLowerCase()}.\norder: ${i + 1}\n`);
  });
  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const action = ACTIONS[i % ACTIONS.length]!;
    const object = OBJECTS[Math.floor(i / ACTIONS.length) % OBJECTS.length]!;
    const qualifier = QUALIFIERS[Math.floor(i / (ACTIONS.length * OBJECTS.length)) % QUALIFIERS.length]!;
    const round = Math.floor(i / (ACTIONS.length * OBJECTS.length * QUALIFIERS.length));
    const title = `${action} ${object} ${qualifier}${round ? ` (${round + 1})` : ''}`;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const [category] = CATEGORIES[i % CATEGORIES.length]!;
    const isMdx = random() < 0.25;
    const related = slugs.length ? [pick(slugs), pick(slugs)].filter((s, j, all) => all.indexOf(s) === j) : [];
    const linkTo = slugs.length ? pick(slugs) : undefined;
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(random() * 10)).padStart(2, '0');
    const steps = Array.from({ length: 4 + Math.floor(random() * 3) }, () => `${pick(VERBS)[0]!.toUpperCase()}${pick(VERBS).slice(1)} **${pick(SCREENS)}**, then ${pick(VERBS)} the ${object.replace(/^an? /, '')}.`);
    const stepList = steps.map((s, n) => `${n + 1}. ${s}`).join('\n');
    const body = [
      `${pick(SENTENCES)} ${pick(SENTENCES)} This article explains how to ${action.toLowerCase()} ${object} ${qualifier}.`,
      '',
      '## Before you start',
      '',
      ...['Your order or booking number', 'The email address on your account', 'About ten minutes'].map((t) => `- [ ] ${t}`),
      '',
      '## What to do',
      '',
      isMdx ? `<Steps>\n\n${stepList}\n\n</Steps>` : stepList,
      '',
      ...(random() < 0.35 ? [`![Where to find it on the ${pick(SCREENS)} screen](/images/${pick(IMAGES)})`, ''] : []),
      isMdx ? `<Callout type="${pick(['note', 'tip', 'warning'] as const)}">\n${pick(SENTENCES)}\n</Callout>` : `> ${pick(SENTENCES)}`,
      '',
      ...(random() < 0.4
        ? ['## Prices and times', '', '| Option | Price | Time |', '| --- | --- | --- |', ...['Standard', 'Express', 'In the shop'].map((o) => `| ${o} | £${(5 + Math.floor(random() * 60)).toString()} | ${1 + Math.floor(random() * 5)} days |`), '']
        : []),
      "## If it doesn't work",
      '',
      `${pick(SENTENCES)}${linkTo ? ` You may also want to [read how to ${linkTo.replace(/-/g, ' ')}](/articles/${linkTo}/).` : ''} If you are stuck, [talk to our team](/contact/).`,
      '',
    ].join('\n');
    const frontmatter = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `description: ${JSON.stringify(`How to ${action.toLowerCase()} ${object} ${qualifier}, step by step.`)}`,
      `keywords: [${JSON.stringify(object.replace(/^an? /, ''))}, ${JSON.stringify(qualifier)}]`,
      `updated: 2026-${month}-${day}`,
      `order: ${i}`,
      ...(related.length ? [`related: [${related.join(', ')}]`] : []),
      '---',
      '',
    ].join('\n');
    files.set(`articles/${category}/${slug}.${isMdx ? 'mdx' : 'md'}`, frontmatter + body);
    slugs.push(slug);
  }
  return { files, articleCount: count };
}
