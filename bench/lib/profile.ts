/**
 * Reads V8 CPU profiles (`node --cpu-prof`) into the few figures that say
 * where a build's time goes: self time by package or project file, and the
 * functions with the most time spent in them and below them.
 */

/** A V8 `.cpuprofile` file, as much of it as is read here. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One line of a summary: a name and milliseconds. */
export interface Cost {
  name: string;
  ms: number;
}

/** What a profile says, largest first. */
export interface ProfileSummary {
  /** Sampled time (ms) between the first and last sample. */
  totalMs: number;
  /** Self time by npm package, project file or runtime bucket. */
  byPackage: Cost[];
  /** Functions with the most self time. */
  topSelf: Cost[];
  /** Functions with the most time spent in them or in what they called (each sample counted once per function). */
  topInclusive: Cost[];
}

/** Time the runtime spends outside any script. */
const RUNTIME_BUCKETS = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

/**
 * Who a frame belongs to: "astro", "@astrojs/mdx", "src/node/git-history.ts",
 * "node:internal", or "(garbage collector)" for the runtime's own work.
 */
export function ownerOf(url: string, functionName: string, root: string): string {
  if (!url) return RUNTIME_BUCKETS.has(functionName) ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const [first = '', second = ''] = path.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length).split('?')[0]! : path;
}

/** "render (astro/dist/runtime/server/render/page.js:12)": a function and where it is. */
function frameName(frame: CpuProfile['nodes'][number]['callFrame'], root: string): string {
  const file = frame.url ? `${ownerOf(frame.url, frame.functionName, root)}${frame.url.includes('/node_modules/') ? `/${frame.url.split('/').at(-1)}` : ''}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
}

function top(map: Map<string, number>, limit: number): Cost[] {
  return [...map.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}

/** Summarises a profile; `root` turns project paths into relative ones. */
export function summariseProfile(profile: CpuProfile, root: string, limit = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const names = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame, root)]));
  const packages = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    // A sample's time is the gap to the next one (the last has none to measure).
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id);
    if (!node || us <= 0) return;
    total += us;
    const owner = ownerOf(node.callFrame.url, node.callFrame.functionName, root);
    packages.set(owner, (packages.get(owner) ?? 0) + us);
    const name = names.get(id)!;
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const stackName = names.get(at)!;
      if (seen.has(stackName) || RUNTIME_BUCKETS.has(byId.get(at)!.callFrame.functionName)) continue;
      seen.add(stackName);
      inclusive.set(stackName, (inclusive.get(stackName) ?? 0) + us);
    }
  });
  return { totalMs: total / 1000, byPackage: top(packages, limit), topSelf: top(self, limit), topInclusive: top(inclusive, limit * 2) };
}

/** A summary as text, for the terminal and the report. */
export function formatSummary(title: string, summary: ProfileSummary): string {
  const share = (ms: number) => `${((ms / summary.totalMs) * 100).toFixed(1).padStart(5)} %`;
  const lines = (costs: Cost[]) => costs.map((c) => `  ${(c.ms / 1000).toFixed(2).padStart(7)} s ${share(c.ms)}  ${c.name}`);
  return [
    `${title}: ${(summary.totalMs / 1000).toFixed(1)} s sampled`,
    'Self time by package or file',
    ...lines(summary.byPackage),
    'Functions, self time',
    ...lines(summary.topSelf),
    'Functions, total time (self and below)',
    ...lines(summary.topInclusive),
  ].join('\n');
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

/** The build's stages as frames show them: a sample is in a stage when any frame on its stack matches. */
export const STAGES: Array<{ name: string; match(frame: Frame): boolean }> = [
  { name: 'Content layer: load, parse and render entries (glob loader)', match: (f) => /\/astro\/dist\/content\/loaders\/glob\.js$/.test(f.url) },
  { name: 'Markdown pipeline (remark and rehype, for .md and .mdx)', match: (f) => f.url.includes('/@astrojs/markdown-remark/') },
  { name: 'Smartypants (curly quotes: retext, parse-latin)', match: (f) => /\/(remark-smartypants|retext-smartypants|parse-latin)\//.test(f.url) },
  { name: 'Curly quotes (remark-smart-punctuation)', match: (f) => f.url.includes('remark-smart-punctuation') },
  { name: 'Content check (src/node/check, inside astro:config:setup)', match: (f) => f.url.includes('/src/node/check/') },
  { name: 'MDX compile (@astrojs/mdx Vite plugin)', match: (f) => f.url.includes('/@astrojs/mdx/dist/vite-plugin-mdx') },
  { name: "Handrail's rehype plugin (rehype-handrail)", match: (f) => f.url.includes('rehype-handrail') || f.functionName === 'rehypeHandrail' },
  { name: 'Bundling (Vite, Rolldown)', match: (f) => /\/node_modules\/(rolldown|vite)\//.test(f.url) },
  // Rendering resumes from promises, so its callers are often missing from a sample's stack:
  // the page code itself (bundled into .prerender/) is counted too.
  { name: 'Page rendering (astro generatePages, page and component code)', match: (f) => /\/astro\/dist\/core\/build\/generate\.js$/.test(f.url) || f.url.includes('/.prerender/') },
  { name: 'Content data store written (devalue)', match: (f) => f.url.includes('/devalue/') },
  { name: 'Module loading (import)', match: (f) => f.url.startsWith('node:internal/modules') },
  { name: 'Git history (lastChangedDates)', match: (f) => f.functionName === 'lastChangedDates' || f.url.includes('git-history') },
  { name: 'Image sizes (imageSize)', match: (f) => f.functionName === 'imageSize' || f.url.includes('image-size') },
  { name: 'Garbage collection', match: (f) => f.functionName === '(garbage collector)' },
];

/** Time (ms) each of STAGES took, largest first. */
export function stageTimes(profile: CpuProfile, stages = STAGES): Cost[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map(stages.map((s) => [s.name, 0]));
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (us <= 0) return;
    const hit = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      for (const stage of stages) if (!hit.has(stage.name) && stage.match(frame)) hit.add(stage.name);
    }
    for (const name of hit) totals.set(name, totals.get(name)! + us);
  });
  return [...totals.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}
