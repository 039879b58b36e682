// The command line: a thin front end of the engine. Filled in by the engine issue.
import { readFileSync } from 'node:fs';
import { extractArticle } from '../utils/extract';
import { parseHtml } from './lib/parse-html';

const [, , command, file] = process.argv;
if (command !== 'extract' || !file) {
  console.error('usage: nitido extract FILE... [--url URL] [--format json|jsonl|markdown|text]');
  process.exit(2);
}
const url = 'https://example.org/';
console.log(JSON.stringify(extractArticle(parseHtml(readFileSync(file, 'utf8'), url), url), null, 2));
