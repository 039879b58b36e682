import TurndownService from 'turndown';
import type { Article } from '../../utils/extract';

/** One article as printed; `file` first so a jsonl line says at a glance which page it is. */
export type Printed = Article & { file: string };
export interface Failure {
  file: string;
  error: string;
}

export function toJsonLine(item: Printed | Failure): string {
  return JSON.stringify(item);
}

export function toJson(item: Printed | Failure): string {
  return JSON.stringify(item, null, 2);
}

function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  // The calendar date as the publisher wrote it (00:30+01:00 is still that day there), not as it falls in UTC.
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  const d = new Date(day ? `${day}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "By Jane Doe · The Daily · 3 May 2024 · 4 min read": the facts a reader wants under a title. */
function metaLine(a: Article): string {
  return [
    a.byline ? `By ${a.byline}` : null,
    a.siteName,
    formatDate(a.publishedTime),
    a.wordCount ? `${a.readingMinutes} min read` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Greedy word wrap; a word longer than the width stays whole. */
export function wrap(text: string, width: number, indent = ''): string {
  if (!Number.isFinite(width) || width <= indent.length + 10) return indent + text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t]+/)) {
    if (!word) continue;
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

const QUOTE_MARKS = /^["“”„«»‘’‚'‹›「『]/;
const quoted = (text: string) => (QUOTE_MARKS.test(text.trim()) ? text.trim() : `“${text.trim()}”`);

/**
 * The article to read in a terminal: title, the facts line, the address, the text, then who said what, grouped by
 * speaker in the order of Article.speakers, unattributed quotes last. `width` wraps paragraphs (a terminal's).
 */
export function toText(a: Article, width = Number.POSITIVE_INFINITY): string {
  const out: string[] = [];
  const title = a.title.trim() || '(untitled)';
  out.push(title, '='.repeat(Math.min([...title].length, 80)));
  const meta = metaLine(a);
  if (meta) out.push(meta);
  out.push(a.url, '');
  const paragraphs = a.text.split(/\n\s*\n/).map((p) => p.trim());
  for (const p of paragraphs.filter(Boolean)) out.push(wrap(p.replace(/\s*\n\s*/g, ' '), width), '');
  if (!a.text.trim()) out.push('(no article text found)', '');
  if (a.quotes.length) {
    out.push('Who said what', '-------------');
    const bySpeaker = new Map<string, string[]>();
    const unattributed: string[] = [];
    for (const q of a.quotes) {
      if (!q.speaker) unattributed.push(q.text);
      else bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q.text]);
    }
    const names = [...a.speakers.map((s) => s.name), ...bySpeaker.keys()].filter(
      (n, i, all) => bySpeaker.has(n) && all.indexOf(n) === i,
    );
    for (const name of names) {
      const role = a.speakers.find((s) => s.name === name)?.role;
      out.push(role ? `${name}, ${role}` : name);
      for (const q of bySpeaker.get(name) ?? []) out.push(wrap(quoted(q), width, '  '));
      out.push('');
    }
    if (unattributed.length) {
      out.push('Unattributed');
      for (const q of unattributed) out.push(wrap(quoted(q), width, '  '));
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

let turndown: TurndownService | null = null;

/** Front matter (YAML: every value a JSON string or number), a title heading, the article as Markdown. */
export function toMarkdown(a: Article): string {
  if (!turndown) {
    turndown = new TurndownService({
      headingStyle: 'atx',
      codeBlockStyle: 'fenced',
      bulletListMarker: '-',
      emDelimiter: '_',
    });
    // Turndown escapes Markdown syntax but not "<": text that spells out a tag ("<img onerror=…>") would become
    // live HTML in the renderers that pass HTML through (as utils/library's Markdown export does).
    const escapeMarkdown = turndown.escape.bind(turndown);
    turndown.escape = (text: string) => escapeMarkdown(text).replace(/</g, '\\<');
  }
  const fields: [string, string | number | null][] = [
    ['title', a.title],
    ['byline', a.byline],
    ['site', a.siteName],
    ['url', a.url],
    ['published', a.publishedTime],
    ['lang', a.lang],
    ['words', a.wordCount],
    ['reading_minutes', a.readingMinutes],
  ];
  const front = fields
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? v : JSON.stringify(v)}`);
  const body = a.html.trim() ? turndown.turndown(a.html).trim() : '_(no article text found)_';
  const title = turndown.escape(a.title.trim().replace(/\s+/g, ' ')) || '(untitled)';
  const meta = metaLine(a);
  return ['---', ...front, '---', '', `# ${title}`, '', ...(meta ? [`_${meta}_`, ''] : []), body, ''].join(
    '\n',
  );
}
