// Least privilege and the CSP, read from what ships: the BUILT manifests and bundles of both browsers (Chrome MV3,
// Firefox MV2) in $NITIDO_OUT_DIR (default .output). Permissions must be exactly the documented list of
// docs/extension.md ("Permissions, and why each one"); extension pages must run only our own bundled scripts; no
// bundle may evaluate strings as code or load code from elsewhere. No browser needed, only a build.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDir } from './helpers';

const TARGETS = ['chrome-mv3', 'firefox-mv2'] as const;
type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; all_frames?: boolean; world?: string }[];
  web_accessible_resources?: (
    | string
    | { resources: string[]; matches: string[]; use_dynamic_url?: boolean }
  )[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
};

const manifestOf = (target: (typeof TARGETS)[number]): { dir: string; manifest: Manifest } => {
  const dir = extensionDir(target);
  return { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
};

/** The documented permissions: the table of docs/extension.md, first column. */
function documented(): { permissions: string[]; matches: string[]; notAskedFor: string[] } {
  const doc = fs.readFileSync(path.resolve('docs/extension.md'), 'utf8');
  const section = doc.slice(
    doc.indexOf('## Permissions'),
    doc.indexOf('\n## ', doc.indexOf('## Permissions') + 5),
  );
  const rows = section.split('\n').filter((l) => /^\|\s*[^-|\s]/.test(l) && !/^\|\s*Permission\s*\|/.test(l));
  const permissions: string[] = [];
  const matches: string[] = [];
  for (const row of rows) {
    const first = row.split('|')[1];
    const ticks = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    if (/content script/i.test(first)) matches.push(...ticks);
    else permissions.push(...ticks);
  }
  const notLine = section.split('\n').find((l) => l.startsWith('Not asked for:')) ?? '';
  const notAskedFor = [...notLine.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return { permissions, matches, notAskedFor };
}

/** "a b; c d" → { a: [b], c: [d] } */
function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

const cspOf = (m: Manifest): string =>
  typeof m.content_security_policy === 'string'
    ? m.content_security_policy
    : (m.content_security_policy?.extension_pages ?? '');

function filesUnder(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

describe('the documented permissions', () => {
  it('docs/extension.md lists them (the list these tests hold the manifests to)', () => {
    const doc = documented();
    expect(doc.permissions.sort()).toEqual([
      'activeTab',
      'contextMenus',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(doc.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(doc.notAskedFor).toEqual(expect.arrayContaining(['tabs', 'host_permissions', 'webRequest']));
  });
});

describe.each(TARGETS)('%s manifest', (target) => {
  const { manifest } = manifestOf(target);
  const doc = documented();

  it('asks for exactly the documented permissions, and no host permissions', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...doc.permissions].sort());
    for (const p of doc.notAskedFor) expect(manifest.permissions ?? []).not.toContain(p);
    // MV2 puts host patterns among permissions; MV3 has its own keys. Neither is used: activeTab is enough.
    expect((manifest.permissions ?? []).filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions']) {
      expect(manifest[key], key).toBeUndefined();
    }
  });

  it('no web page or other extension may message it, nothing is sandboxed or remote', () => {
    for (const key of [
      'externally_connectable',
      'sandbox',
      'update_url',
      'oauth2',
      'key',
      'declarative_net_request',
    ]) {
      expect(manifest[key], key).toBeUndefined();
    }
  });

  it('one content script, on web pages only, top frames only, in its isolated world', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [cs] = manifest.content_scripts!;
    expect([...cs.matches].sort()).toEqual([...doc.matches].sort());
    expect(cs.js).toEqual(['detector.js']);
    expect(cs.all_frames ?? false).toBe(false);
    expect(cs.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(Object.keys(cs).sort()).toEqual(['js', 'matches', 'run_at']);
  });

  it('only the extractor is web-accessible (Chrome: through a per-session URL)', () => {
    const war = manifest.web_accessible_resources ?? [];
    if (manifest.manifest_version === 3) {
      expect(war).toEqual([{ resources: ['extractor.js'], matches: doc.matches, use_dynamic_url: true }]);
    } else {
      // MV2 (Firefox): the add-on's origin is a random per-install UUID, so the URL cannot be guessed.
      expect(war).toEqual(['extractor.js']);
    }
  });

  it('a strict CSP on extension pages: our scripts only, no eval, no inline, no plugins, frames or <base>', () => {
    const csp = cspOf(manifest);
    const d = directives(csp);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-src']).toEqual(["'none'"]);
    expect(d['form-action']).toEqual(["'none'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    // Workers and anything unlisted fall back to script-src / default-src, both 'self'.
    for (const name of ['worker-src', 'child-src', 'script-src-elem', 'script-src-attr']) {
      expect(d[name], name).toBeUndefined();
    }
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|\*/);
    // Remote schemes only where the article's pictures need them: shown (img/media) and, when saving, fetched.
    const remote = Object.entries(d)
      .filter(([, values]) => values.some((v) => /^(https?:|data:|blob:)/.test(v)))
      .map(([name]) => name)
      .sort();
    expect(remote).toEqual(['connect-src', 'img-src', 'media-src']);
    if (typeof manifest.content_security_policy === 'object') {
      expect(manifest.content_security_policy.sandbox).toBeUndefined();
    }
  });
});

describe.each(TARGETS)('%s bundles', (target) => {
  const { dir } = manifestOf(target);
  const js = filesUnder(dir, '.js');
  const html = filesUnder(dir, '.html');

  it('every extension page loads only its own module scripts, nothing inline, nothing remote', () => {
    expect(html.length).toBeGreaterThanOrEqual(4);
    for (const file of html) {
      const text = fs.readFileSync(file, 'utf8');
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(body.trim(), `${file}: inline script`).toBe('');
        expect(attrs, file).toMatch(/src="\/[^"/][^"]*\.js"/);
      }
      expect(text, file).not.toMatch(/(src|href)="(https?:)?\/\//i);
      expect(text, file).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('no string is ever run as code: no eval, Function constructor, string timers, importScripts', () => {
    expect(js.length).toBeGreaterThanOrEqual(5);
    const patterns: [string, RegExp][] = [
      ['eval(', /(?<![\w$.])eval\s*\(/],
      ['indirect eval', /\[\s*["'`]eval["'`]\s*\]|\(0,\s*eval\)/],
      ['new Function', /new\s+Function\s*\(/],
      ['Function(', /(?<![\w$.])Function\s*\(/],
      ['string timer', /set(Timeout|Interval)\(\s*["'`]/],
      ['importScripts', /importScripts\s*\(/],
      ['document.write', /document\.write(ln)?\s*\(/],
      ['remote import', /import\s*\(\s*["'`]https?:/],
    ];
    const found: string[] = [];
    for (const file of js) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [name, re] of patterns)
        if (re.test(text)) found.push(`${path.relative(dir, file)}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it('the only web addresses in the code are XML namespaces and links in libraries’ messages', () => {
    // Each allowance is text, never fetched: DOMPurify's and Preact's namespaces, Dexie's error messages, WXT's
    // dev-mode warnings. A URL added to the code that Nitido would load shows up here.
    const ALLOWED = new Set([
      'http://www.w3.org/1998/Math/MathML',
      'http://www.w3.org/1999/xhtml',
      'http://www.w3.org/2000/svg',
      'http://www.w3.org/1999/xlink',
      'http://www.w3.org/XML/1998/namespace',
      'http://www.w3.org/2000/xmlns/',
      'http://bit.ly/2kdckMn',
      'https://tinyurl.com/y2uuvskb',
      'https://github.com/wxt-dev/wxt/issues/371',
      'https://wxt.dev/guide/go-further/testing.html',
    ]);
    const urls = new Set<string>();
    for (const file of js) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/https?:\/\/[a-zA-Z0-9./_-]+/g)) urls.add(m[0]);
    }
    expect([...urls].filter((u) => !ALLOWED.has(u))).toEqual([]);
  });

  it('one network call of our own in the background: the saved article’s pictures', () => {
    // fetch appears in the background (images of a saved article, credentials omitted) and in Vite's
    // modulepreload helper (our own chunks); no XHR, beacons, sockets or event streams anywhere.
    const found: string[] = [];
    for (const file of js) {
      const text = fs.readFileSync(file, 'utf8');
      for (const api of ['XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'RTCPeerConnection']) {
        if (text.includes(api)) found.push(`${path.relative(dir, file)}: ${api}`);
      }
    }
    expect(found).toEqual([]);
    const content = fs.readFileSync(path.join(dir, 'detector.js'), 'utf8');
    expect(content).not.toMatch(/\bfetch\b/);
  });
});
