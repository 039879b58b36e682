import { parseArgs } from 'node:util';

export const FORMATS = ['json', 'jsonl', 'markdown', 'text'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `usage: nitido extract FILE... [--url URL] [--format json|jsonl|markdown|text]

Extracts the article from saved news pages: the clean text, its metadata and who said what.

  FILE          an .html or .html.gz page; - reads standard input (gzip is recognized by its bytes)
  --url URL     the page's address (for relative links and site rules); default: the page's
                <link rel=canonical> or og:url, else the file's file:// URL
  --format F    json      one Article object, an array of them for several files (default)
                jsonl     one Article per line, each with "file"
                markdown  front matter, a title heading, the article as Markdown
                text      title, byline, the article, then the quotes by speaker
  --timeout S   give up a page after S seconds (default 30): a clear error, never a hang
  -h, --help    this help

Exit status: 0 every file extracted, 1 some file failed (the others are still printed; a failed
one is {"file","error"} in json and jsonl), 2 usage error.`;

export const DEFAULT_TIMEOUT_S = 30;

export interface CliOptions {
  command: 'extract' | 'help';
  files: string[];
  url: string | null;
  format: Format;
  /** Seconds one page may take. */
  timeout: number;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One line from Node's own parseArgs messages ("Unknown option '--x'. To specify a positional…"). */
function firstSentence(message: string): string {
  const line = message.split('\n')[0];
  const cut = line.indexOf('. ');
  return cut > 0 ? line.slice(0, cut) : line;
}

/** A page address: absolute http(s) or file URL. */
export function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`bad --url '${value}': not an absolute URL (like https://example.org/news/story)`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
    throw new UsageError(`bad --url '${value}': only http, https and file addresses`);
  }
  return url.href;
}

export function parseCli(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError(firstSentence((e as Error).message));
  }
  const { values, positionals } = parsed;
  const help: CliOptions = {
    command: 'help',
    files: [],
    url: null,
    format: 'json',
    timeout: DEFAULT_TIMEOUT_S,
  };
  if (values.help) return help;
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('missing command: nitido extract FILE...');
  if (command === 'help') return help;
  if (command !== 'extract') throw new UsageError(`unknown command '${command}' (the command is: extract)`);
  if (files.length === 0)
    throw new UsageError('missing FILE: give one or more .html or .html.gz files, or - for stdin');
  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format '${format}' (one of: ${FORMATS.join(', ')})`);
  }
  const url = values.url === undefined ? null : checkUrl(values.url);
  const timeout = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new UsageError(`bad --timeout '${values.timeout}': a number of seconds above 0`);
  }
  return { command: 'extract', files, url, format: format as Format, timeout };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      format: { type: 'string', short: 'f' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
