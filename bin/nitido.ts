// The command line: a thin front end of the engine. Argument parsing and I/O here; the work is in bin/lib/.
//   npm run -s cli -- extract FILE... [--url URL] [--format json|jsonl|markdown|text]
import { FORMATS, type Format, parseCli, USAGE, UsageError } from './lib/cli-args';
import { errorMessage } from './lib/error-message';
import { Extractor } from './lib/extractor';
import { type Failure, type Printed, toJson, toJsonLine, toMarkdown, toText } from './lib/format-article';
import { readFileBytes, readStdin } from './lib/read-input';

const out = process.stdout;

// A reader that stops early (`| head`) is not an error.
out.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(text)) resolve();
    else out.once('drain', resolve);
  });
}

function fail(message: string): void {
  process.stderr.write(`nitido: ${message}\n`);
}

/** Prints items as they come, so a long run shows progress and holds one article at a time. */
function printer(format: Format, count: number) {
  let n = 0;
  const width = out.isTTY ? Math.min(out.columns || 80, 100) : Number.POSITIVE_INFINITY;
  return {
    async item(item: Printed | Failure) {
      const first = n++ === 0;
      const failed = 'error' in item;
      if (format === 'jsonl') return write(`${toJsonLine(item)}\n`);
      if (format === 'json') {
        if (count === 1) return write(`${toJson(item)}\n`);
        const body = toJson(item).replace(/^/gm, '  ');
        return write(`${first ? '[\n' : ',\n'}${body}`);
      }
      if (failed) return; // text and markdown: the failure is on stderr only
      const doc = format === 'markdown' ? toMarkdown(item as Printed) : toText(item as Printed, width);
      return write(`${first ? '' : '\n'}${doc}`);
    },
    async end() {
      if (format === 'json' && count > 1) await write(n ? '\n]\n' : '[]\n');
    },
  };
}

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(
      `${e.message} (usage: nitido extract FILE... [--url URL] [--format ${FORMATS.join('|')}]; see --help)`,
    );
    return 2;
  }
  if (options.command === 'help') {
    await write(`${USAGE}\n`);
    return 0;
  }
  const print = printer(options.format, options.files.length);
  const extractor = new Extractor(options.timeout * 1000);
  let failures = 0;
  for (const file of options.files) {
    let item: Printed | Failure;
    try {
      const bytes = file === '-' ? await readStdin() : readFileBytes(file);
      item = await extractor.extract(file, bytes, options.url);
    } catch (e) {
      failures++;
      const error = errorMessage(e);
      fail(`${file}: ${error}`);
      item = { file, error };
    }
    await print.item(item);
  }
  extractor.close();
  await print.end();
  return failures ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    fail(errorMessage(e));
    process.exitCode = 1;
  },
);
