import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { nodeText, type BodyScan } from './markdown-scan.ts';
import type { Problem } from '../../shared/problems.ts';

/** Link texts that say nothing when read out of context, as in a screen reader's list of links. */
const VAGUE_LINK_TEXT = new Set(['click here', 'here', 'read more', 'more', 'this link', 'link', 'this', 'click', 'learn more', 'this page', 'go']);
/** Alt texts that describe nothing. */
const EMPTY_ALT = new Set(['image', 'picture', 'photo', 'photograph', 'screenshot', 'graphic', 'icon', 'img', 'figure', 'diagram']);
const COLOURS = 'red|green|blue|yellow|orange|purple|pink|grey|gray|black|white|brown';
/** "click the green button", "tap the red icon": an instruction only colour can follow. */
const COLOUR_ONLY = new RegExp(`\\b(click|press|tap|select|choose|use|find|look for)\\s+(on\\s+)?the\\s+(${COLOURS})\\s+(button|link|icon|tab|box|arrow|option|text|one)\\b`, 'i');
/** Advice thresholds: plain-language guidance, not hard rules. */
export const LONG_SENTENCE_WORDS = 30;
export const LONG_PARAGRAPH_WORDS = 120;

function looksLikeFileName(text: string): boolean {
  return /\.(png|jpe?g|gif|svg|webp|avif)$/i.test(text.trim()) || /^(img|image|dsc|screenshot)[-_ ]?\d+/i.test(text.trim());
}

/**
 * The accessibility rules a writer can break in Markdown: alt text, link
 * text, heading outline, table headers and colour-only instructions are
 * errors; long sentences and paragraphs are advice.
 */
export function checkAccessibility(file: string, scan: BodyScan, lineOffset = 0): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Nodes) => ({ file, line: node.position ? node.position.start.line + lineOffset : undefined, column: node.position?.start.column });

  let previousDepth = 1; // the page's h1 is the title
  visit(scan.tree as Root, (node: Nodes) => {
    if (node.type === 'heading') {
      if (node.depth === 1) {
        problems.push({ ...at(node), message: 'uses a level-1 heading (#) in the body', received: nodeText(node), fix: 'The title is the page\'s only h1. Start sections at ## and go down one level at a time.', rule: 'heading-h1', severity: 'error' });
      } else if (node.depth > previousDepth + 1) {
        problems.push({ ...at(node), message: `skips a heading level (h${previousDepth} to h${node.depth})`, received: nodeText(node), fix: `Use ${'#'.repeat(previousDepth + 1)} here, so screen reader users can follow the outline.`, rule: 'heading-skip', severity: 'error' });
      }
      previousDepth = node.depth;
    } else if (node.type === 'image') {
      const alt = (node.alt ?? '').trim();
      const fileName = node.url.split('/').pop() ?? '';
      if (!alt || EMPTY_ALT.has(alt.toLowerCase()) || looksLikeFileName(alt) || alt === fileName) {
        problems.push({ ...at(node), message: alt ? 'has alt text that does not describe the image' : 'has an image without alt text', received: alt, allowed: 'a short description of what the image shows', fix: 'Write what the image shows in the [square brackets], e.g. ![The account menu, open, with Security highlighted](/images/account-menu.svg). For an image that adds nothing, use the <Image decorative /> component in an .mdx file.', rule: 'alt-text', severity: 'error' });
      }
    } else if (node.type === 'link') {
      const text = nodeText(node).trim();
      const normalised = text.toLowerCase().replace(/[.!:]+$/, '');
      if (VAGUE_LINK_TEXT.has(normalised) || /^(https?:\/\/|www\.)/i.test(text) || (text === node.url && node.url.includes('/'))) {
        problems.push({ ...at(node), message: 'has link text that says nothing out of context', received: text, allowed: 'words that say where the link goes, e.g. "see how refunds work"', fix: 'Put the link on words that name its destination; screen reader users often jump from link to link.', rule: 'link-text', severity: 'error' });
      }
    } else if (node.type === 'table') {
      const header = node.children[0];
      if (!header || header.children.every((cell) => nodeText(cell).trim() === '')) {
        problems.push({ ...at(node), message: 'has a table without a header row', fix: 'Give the first row column names, so each cell can be announced with its header.', rule: 'table-header', severity: 'error' });
      }
    } else if (node.type === 'mdxJsxFlowElement' && node.name === 'table') {
      let hasHeader = false;
      visit(node, (child: Nodes) => {
        if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === 'th') hasHeader = true;
      });
      if (!hasHeader) problems.push({ ...at(node), message: 'has an HTML table without header cells (<th>)', fix: 'Use a Markdown table, or mark the header cells with <th>.', rule: 'table-header', severity: 'error' });
    } else if (node.type === 'paragraph') {
      const text = nodeText(node);
      const colour = COLOUR_ONLY.exec(text);
      if (colour) {
        problems.push({ ...at(node), message: 'gives an instruction by colour alone', received: colour[0], fix: 'Name the control by its label and place too, e.g. "select Pay now (the green button at the bottom right)".', rule: 'colour-only', severity: 'error' });
      }
      const wordsIn = (s: string) => s.split(/\s+/).filter(Boolean).length;
      if (wordsIn(text) > LONG_PARAGRAPH_WORDS) {
        problems.push({ ...at(node), message: `has a long paragraph (${wordsIn(text)} words)`, allowed: `at most ${LONG_PARAGRAPH_WORDS} words`, fix: 'Split it, or turn it into a list or steps.', rule: 'long-paragraph', severity: 'warning' });
      }
      const longest = text.split(/(?<=[.!?])\s+/).map(wordsIn).sort((a, b) => b - a)[0] ?? 0;
      if (longest > LONG_SENTENCE_WORDS) {
        problems.push({ ...at(node), message: `has a long sentence (${longest} words)`, allowed: `at most ${LONG_SENTENCE_WORDS} words`, fix: 'Split it into two; customers in a hurry skim.', rule: 'long-sentence', severity: 'warning' });
      }
    }
  });
  return problems;
}
