/**
 * File names (slugs) for imported articles and categories: readable ASCII
 * kebab-case, unique, and the same on every run.
 */

/** Longest slug: long enough for a real title, short enough for an address. */
export const SLUG_MAX = 60;

// Letters NFKD does not split into a base letter and a mark.
const LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŋ: 'ng', '&': ' and ',
};
// Cyrillic and Greek are transliterated so Russian, Ukrainian or Greek help
// centers still get readable addresses; other scripts fall back to the id.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'yu', я: 'ya',
};
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r',
  σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/**
 * A slug from a title: lower case ASCII words joined by hyphens, at most
 * {@link SLUG_MAX} characters cut at a hyphen. Empty when the title has no
 * Latin, Cyrillic or Greek letters or digits.
 */
export function slugify(title: string): string {
  const lower = title.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  let ascii = '';
  for (const char of lower) ascii += LATIN[char] ?? CYRILLIC[char] ?? GREEK[char] ?? char;
  const slug = ascii
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.slice(0, SLUG_MAX + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 20 ? cut.slice(0, hyphen) : slug.slice(0, SLUG_MAX)).replace(/-+$/, '');
}

/**
 * Hands out unique slugs. Slugs already given (by an earlier run, or
 * existing files) are reserved first, so a new article never takes an old
 * one's address; a clash is resolved by adding words that tell the two
 * apart (the category), then the source id, which are the same on every run.
 */
export class SlugAllocator {
  private readonly taken = new Set<string>();

  /** Marks a slug as in use (an existing file, or one kept from the last run). */
  reserve(slug: string): void {
    this.taken.add(slug);
  }

  /** Whether a slug is in use. */
  has(slug: string): boolean {
    return this.taken.has(slug);
  }

  /**
   * The first free slug of: the base, base + each qualifier, base + id.
   * Each candidate is cut to {@link SLUG_MAX} before the qualifier is added.
   */
  allocate(base: string, qualifiers: readonly string[], id: string): string {
    const idPart = slugify(id) || 'item';
    const trim = (s: string, room: number) => (s.length <= room ? s : s.slice(0, room).replace(/-[^-]*$/, '') || s.slice(0, room));
    const candidates = [base, ...qualifiers.filter(Boolean).map((q) => `${trim(base, SLUG_MAX - q.length - 1)}-${q}`), `${trim(base, SLUG_MAX - idPart.length - 1)}-${idPart}`];
    for (const candidate of candidates) {
      const slug = candidate.replace(/^-+|-+$/g, '');
      if (slug && !this.taken.has(slug)) {
        this.taken.add(slug);
        return slug;
      }
    }
    // Two sources with the same id and title: count up, still deterministic for a given order.
    for (let n = 2; ; n++) {
      const slug = `${trim(base, SLUG_MAX - 4)}-${idPart}-${n}`.replace(/^-+/, '');
      if (!this.taken.has(slug)) {
        this.taken.add(slug);
        return slug;
      }
    }
  }
}
