/** A file name for a title: lower-case words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
}

/** A new article: valid front matter with today's date and a body that shows the writer the shape. */
export function articleTemplate(title: string, today: Date): string {
  const quoted = JSON.stringify(title);
  return `---
title: ${quoted}
description: "One sentence: what this article helps the customer do."
keywords: []
updated: ${today.toISOString().slice(0, 10)}
related: []
---

Start with the answer in one or two sentences.

## Before you start

What the customer needs: an order number, their account, a charged battery.

## What to do

1. The first step.
2. The next step.

## If it doesn't work

What to try next. If nothing works, [talk to our team](/contact/).
`;
}
