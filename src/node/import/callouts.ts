/**
 * Callouts in help-center HTML: boxes marked by a class name or colour
 * (Zendesk themes, Intercom, Help Scout, Docusaurus, MkDocs) and blocks
 * that open with a label ("Note:", "**Warning:**"). Both become
 * `<handrail-callout data-type data-title>` elements for the converter.
 */
import type { Element, Root } from 'hast';
import { element, isElement, plainText, rewriteElements } from './hast.ts';

/** The callout types Handrail's <Callout> takes. */
export type CalloutType = 'note' | 'tip' | 'warning';

const CALLOUT_WORDS: Array<[RegExp, CalloutType]> = [
  [/(warning|warn|caution|danger|error|important|alert-danger|alert-error|red|yellow|orange)/, 'warning'],
  [/(tip|hint|success|green)/, 'tip'],
  [/(note|info|notice|information|blue|grey|gray|callout|admonition|alert|panel|highlight|secondary)/, 'note'],
];

/**
 * Class names that mark a box as a callout, in the editors and themes
 * help centers use: Zendesk themes ("callout", "alert alert-warning",
 * "note"), Intercom ("intercom-interblocks-callout"), Help Scout
 * ("callout-yellow"), Docusaurus and MkDocs ("admonition admonition-tip").
 */
export const CALLOUT_CLASS = /^(?:intercom-interblocks-callout|callout|alert|admonition|notice|note|tip|hint|warning|caution|danger|important|info|information|panel|hs-callout)(?:$|[-_])/;

/** Labels that open a callout written as text ("Note:", "**Warning:**"), in the languages help centers use most. */
const LABELS: Record<string, CalloutType> = {
  note: 'note', notes: 'note', info: 'note', information: 'note', remember: 'note', 'please note': 'note', nb: 'note', 'n.b.': 'note',
  tip: 'tip', hint: 'tip', 'pro tip': 'tip', 'good to know': 'tip',
  warning: 'warning', caution: 'warning', important: 'warning', attention: 'warning', danger: 'warning',
  remarque: 'note', nota: 'note', hinweis: 'note', opmerking: 'note', notera: 'note',
  astuce: 'tip', conseil: 'tip', tipp: 'tip', consejo: 'tip', dica: 'tip', suggerimento: 'tip',
  avertissement: 'warning', achtung: 'warning', warnung: 'warning', wichtig: 'warning', advertencia: 'warning', aviso: 'warning', importante: 'warning', avviso: 'warning', let_op: 'warning', 'let op': 'warning',
};

/** The callout type a class list suggests. */
export function calloutTypeOf(words: string): CalloutType {
  for (const [pattern, type] of CALLOUT_WORDS) if (pattern.test(words)) return type;
  return 'note';
}

/** The callout type of an Intercom box, which is marked by its background colour only. */
export function intercomCalloutType(style: string): CalloutType {
  const colour = /background-color:\s*#?([0-9a-f]{6})/i.exec(style)?.[1]?.toLowerCase();
  if (!colour) return 'note';
  const r = parseInt(colour.slice(0, 2), 16);
  const g = parseInt(colour.slice(2, 4), 16);
  const b = parseInt(colour.slice(4, 6), 16);
  if (r > 200 && g < 150) return 'warning'; // red
  if (r > 200 && g > 180 && b < 190) return 'warning'; // yellow, orange
  if (g > r && g > b) return 'tip'; // green
  return 'note';
}

/** A label at the start of a block ("Note:", "Warning —"), and the rest of the text. */
export function calloutLabel(textValue: string): { type: CalloutType; label: string } | undefined {
  const match = /^\s*([\p{L}][\p{L} ._]{0,18}?)\s*[:：—–-]/u.exec(textValue);
  if (!match) return undefined;
  const label = match[1]!.trim();
  const type = LABELS[label.toLowerCase()];
  return type ? { type, label } : undefined;
}

/**
 * Callouts written as text: a quote or paragraph that opens with a label
 * ("Note:", "**Warning:**"). The label sets the type; a label that is not
 * the type's own name ("Important") becomes the title.
 */
export function labelledCallouts(root: Root): void {
  rewriteElements(root, (node, parent) => {
    if (!isElement(node, 'blockquote', 'p')) return undefined;
    if (isElement(parent as Element, 'handrail-callout', 'li', 'td', 'th', 'blockquote')) return undefined;
    const first = node.tagName === 'blockquote' ? node.children.find((c): c is Element => c.type === 'element') ?? node : node;
    const opening = first.children.find((c) => c.type !== 'text' || c.value.trim());
    // A paragraph counts only when the label is bold: "Note: the shop…" in running text is not a callout.
    const labelNode = isElement(opening, 'strong', 'b') ? opening : node.tagName === 'blockquote' ? first : undefined;
    if (!labelNode) return undefined;
    const found = calloutLabel(plainText(labelNode as Element));
    if (!found) return undefined;
    removeLabel(first, found.label);
    const body = node.tagName === 'blockquote' ? node.children : [node];
    const isOwnName = found.label.toLowerCase() === found.type;
    return [element('handrail-callout', { dataType: found.type, ...(isOwnName ? {} : { dataTitle: found.label }) }, body)];
  });
}

/** Removes "Label:" from the start of a block, whether bold or plain. */
function removeLabel(block: Element, label: string): void {
  const pattern = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:：—–-]\\s*`, 'u');
  const strip = (parent: Element): boolean => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type === 'text') {
        if (!child.value.trim()) continue;
        if (pattern.test(child.value)) {
          child.value = child.value.replace(pattern, '');
          return true;
        }
        // "Note" in bold, the colon outside it.
        const bare = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'u');
        if (bare.test(child.value)) {
          child.value = '';
          return true;
        }
        return false;
      }
      if (child.type === 'element') {
        const done = strip(child);
        if (done) {
          if (!plainText(child)) parent.children.splice(i, 1);
          const next = parent.children[i];
          if (next?.type === 'text') next.value = next.value.replace(/^\s*[:：—–-]\s*/u, '');
          return true;
        }
        return false;
      }
    }
    return false;
  };
  strip(block);
}
