import { LEXICON } from './lexicon';

/** Prefixes that are also name particles ("Di Maio", "De Luca", "Von Trier"): stripped only when clearly a prefix. */
const PARTICLES = new Set(['di', 'de', 'da', 'von', 'van', 'del']);
const TRAILERS =
  /\s*(?:[|•·,–—-]\s*)?(?<![\p{L}])(?:updated|published|posted|last updated|pubblicato|aggiornato|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado)(?![\p{L}]).*$/iu;

const prefixList = (): string[] =>
  [...new Set(Object.values(LEXICON).flatMap((l) => l.bylinePrefix))].sort((a, b) => b.length - a.length);

let prefixRe: RegExp | null = null;

/**
 * The author's name alone: "di Cristiana Gamba" → "Cristiana Gamba", "By Jane Doe | Updated …" → "Jane Doe",
 * "par Jean Dupont" → "Jean Dupont". Name particles stay part of names: "Di Maio" stays "Di Maio".
 */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // A byline is text: markup in a meta tag or JSON-LD ("<script>…</script>Anna Berg") is dropped, code and all.
  let s = raw
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s || /^https?:\/\//i.test(s)) return null;
  prefixRe ??= new RegExp(
    `^(${prefixList()
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})\\s*[:\\-–—]?\\s+(?=\\S)`,
    'iu',
  );
  const m = prefixRe.exec(s);
  if (m) {
    const prefix = m[1];
    const rest = s.slice(m[0].length);
    const isParticle = PARTICLES.has(prefix.toLowerCase());
    const capitalWords = rest.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length;
    if (!isParticle || prefix === prefix.toLowerCase() || capitalWords >= 2) s = rest;
  }
  s = s
    .replace(TRAILERS, '')
    .replace(/[\s|•·,;:–—-]+$/, '')
    .trim();
  return s.length > 0 && s.length <= 200 ? s : null;
}
