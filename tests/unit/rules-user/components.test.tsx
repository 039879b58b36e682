// The reader-rules components rendered in jsdom with the real strings (English and Italian): what the reader sees
// and clicks, and that every string they ask for exists in both languages.
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemovedPanel, type RemovedPanelProps } from '@/components/rules/RemovedPanel';
import { RuleEditor, type RuleEditorProps } from '@/components/rules/RuleEditor';
import { TruncationNotice, truncationReasonKey } from '@/components/rules/TruncationNotice';
import type { MessageKey, Translate } from '@/utils/extension/i18n';
import type { Article } from '@/utils/extract/types';
import { domSelectorCheck } from '@/utils/rules';
import { removedGroups } from '@/utils/rules/removed-groups';
import en from '../../../public/_locales/en/messages.json';
import it_ from '../../../public/_locales/it/messages.json';

const asked = new Set<string>();
function translator(messages: Record<string, { message: string }>): Translate {
  return (key: MessageKey, ...subs) => {
    asked.add(key);
    const m = messages[key];
    if (!m) throw new Error(`missing string ${key}`);
    return m.message.replace(/\$(\d)/g, (_, n) => String(subs[Number(n) - 1] ?? ''));
  };
}
const tEn = translator(en);

const article: Article = {
  url: 'https://www.example.org/2024/story',
  isArticle: true,
  detection: { score: 6, signals: [] },
  title: 'Harbour council approves the tide barrier',
  byline: null,
  siteName: null,
  lang: 'en',
  publishedTime: null,
  excerpt: null,
  text: 'One.\n\nTwo.',
  html: '<p>One.</p><p>Two.</p>',
  wordCount: 2,
  readingMinutes: 1,
  quotes: [],
  speakers: [],
  removed: [
    { rule: 'ad-label', count: 2 },
    { rule: 'user:example.org', count: 1 },
  ],
  removedBlocks: [
    {
      rule: 'ad-label',
      html: ['<div>Advertisement</div>', '<span onclick="x()">Ad</span>'],
      keys: ['ad-label~1a', 'ad-label~2b'],
    },
    {
      rule: 'user:example.org',
      html: ['<div class="poll">Reader poll</div>'],
      keys: ['user:example.org~3c'],
    },
  ],
  keptBlocks: [{ rule: 'ad-label', key: 'ad-label~4d', text: 'Sponsored by the harbour' }],
  truncation: { truncated: true, reasons: ['json-ld:isAccessibleForFree=false', 'text:it:continue-reading'] },
};

let dom: JSDOM;
let root: HTMLElement;
beforeEach(() => {
  dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
  Object.assign(globalThis, { document: dom.window.document, window: dom.window });
  root = dom.window.document.getElementById('app')!;
});
afterEach(() => render(null, root));

const click = (el: Element | null) =>
  el?.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }));

describe('TruncationNotice', () => {
  it.each([
    ['json-ld:isAccessibleForFree=false', 'truncationMarked'],
    ['json-ld:hasPart .paywall', 'truncationMarked'],
    ['class:paywall', 'truncationPaywallBox'],
    ['text:en:paywall', 'truncationPaywallLine'],
    ['text:fr:continue-reading', 'truncationCut'],
  ])('%s → %s', (reason, key) => expect(truncationReasonKey(reason)).toBe(key));

  it.each([
    ['en', en],
    ['it', it_],
  ])('says the article may be incomplete, and why (%s)', (_, messages) => {
    const t = translator(messages);
    render(<TruncationNotice t={t} article={article} />, root);
    const text = root.textContent ?? '';
    expect(text).toContain(t('truncationTitle'));
    expect(text).toContain(t('truncationMarked'));
    expect(text).toContain(t('truncationCut'));
  });

  it('names every kind of sign once', () => {
    const reasons = ['class:paywall', 'text:en:paywall', 'text:de:paywall', 'json-ld:hasPart .x'];
    render(
      <TruncationNotice t={tEn} article={{ ...article, truncation: { truncated: true, reasons } }} />,
      root,
    );
    // In the order the signs were found, each kind once.
    expect(root.textContent).toBe(
      'This article may be incomplete: the page has a paywall box; the page asks to subscribe to continue; ' +
        'the page marks it as for subscribers',
    );
  });

  it('says nothing for a complete article', () => {
    render(
      <TruncationNotice t={tEn} article={{ ...article, truncation: { truncated: false, reasons: [] } }} />,
      root,
    );
    expect(root.innerHTML).toBe('');
    render(<TruncationNotice t={tEn} article={{ ...article, truncation: undefined }} />, root);
    expect(root.innerHTML).toBe('');
  });
});

describe('RemovedPanel', () => {
  const reasons = new Map([
    ['ad-label', 'Advertising labels'],
    ['user:example.org', 'Your own rule'],
  ]);
  // The tests' stand-in for sanitizeForRender: the component must show what the caller sanitized, nothing else.
  const sanitize = (html: string) => html.replace(/ on\w+="[^"]*"/g, '');

  it('groups the removed blocks by rule with their reason; restores one block, or a group, on click', async () => {
    const calls: unknown[] = [];
    const props: RemovedPanelProps = {
      t: translator(it_),
      site: 'example.org',
      groups: removedGroups(article, reasons, sanitize),
      restored: [
        { key: 'site:x/promo', rule: 'site:x/promo', why: 'Promo box', excerpt: null, remembered: true },
        {
          key: 'ad-label~4d',
          rule: 'ad-label',
          why: 'Advertising labels',
          excerpt: 'Sponsored by the harbour',
          remembered: false,
        },
      ],
      busy: false,
      onRestore: (rule, remember) => calls.push(['restore', rule, remember]),
      onRemoveAgain: (rule) => calls.push(['again', rule]),
      onPick: () => calls.push(['pick']),
      rulesHref: 'options.html?tabId=3&site=example.org',
      pickNotice: null,
      picking: false,
      proposal: null,
      onPickHere: () => calls.push(['here']),
      onAcceptProposal: () => calls.push(['accept']),
      onCancelProposal: () => calls.push(['cancel']),
    };
    render(<RemovedPanel {...props} />, root);
    const groups = [...root.querySelectorAll('.removed-group')];
    expect(groups.map((g) => g.getAttribute('data-rule'))).toEqual(['ad-label', 'user:example.org']);
    expect(groups[0].querySelector('.removed-why')?.textContent).toBe('Advertising labels');
    expect(groups[0].querySelectorAll('.removed-block')).toHaveLength(2);
    expect(groups[0].innerHTML).not.toContain('onclick');
    expect(root.textContent).toContain('3 blocchi rimossi da 2 regole.');
    const remember = root.querySelector<HTMLInputElement>('.removed-remember input')!;
    click(remember);
    await new Promise((r) => setTimeout(r, 0)); // Preact re-renders on the next tick
    const items = groups[0].querySelectorAll('.removed-item');
    expect([...items].map((b) => b.getAttribute('data-key'))).toEqual(['ad-label~1a', 'ad-label~2b']);
    click(items[1].querySelector('button.removed-restore-block'));
    click(groups[1].querySelector('button.removed-restore-all'));
    click(root.querySelector('.removed-restored button'));
    click(root.querySelectorAll('.removed-restored button')[1]);
    click(root.querySelector('.removed-pick'));
    click(root.querySelector('.removed-pick-here'));
    expect(calls).toEqual([
      ['restore', 'ad-label~2b', true],
      ['restore', 'user:example.org', true],
      ['again', 'site:x/promo'],
      ['again', 'ad-label~4d'],
      ['pick'],
      ['here'],
    ]);
    calls.length = 0;
    render(
      <RemovedPanel {...props} proposal={{ excerpt: 'Vote in our poll', selector: 'div.poll', count: 1 }} />,
      root,
    );
    const proposal = root.querySelector('.removed-proposal')!;
    expect(proposal.textContent).toContain(
      'Nascondi 1 elementi corrispondenti su example.org: Vote in our poll',
    );
    expect(proposal.querySelector('code')?.textContent).toBe('div.poll');
    click(proposal.querySelector('button.primary'));
    click(proposal.querySelectorAll('button')[1]);
    expect(calls).toEqual([['accept'], ['cancel']]);
    expect(root.querySelector('a[href="options.html?tabId=3&site=example.org"]')?.textContent).toBe(
      'Le tue regole per example.org',
    );
    expect(root.querySelector('.removed-restored')?.textContent).toContain('sempre su questo sito');
    expect(root.querySelector('.removed-restored q')?.textContent).toBe('Sponsored by the harbour');
    expect(groups[0].querySelector('.removed-restore-all')?.textContent).toBe('Ripristina tutti');
  });

  it('says when nothing was removed', () => {
    render(
      <RemovedPanel
        t={tEn}
        site="example.org"
        groups={[]}
        restored={[]}
        busy={false}
        onRestore={() => {}}
        onRemoveAgain={() => {}}
        onPick={null}
        rulesHref={null}
        pickNotice="Go to the page's tab and click what to hide."
        picking={true}
        proposal={null}
        onPickHere={() => {}}
        onAcceptProposal={() => {}}
        onCancelProposal={() => {}}
      />,
      root,
    );
    expect(root.textContent).toContain(en.removedNone.message);
    expect(root.querySelector('.removed-pick')).toBeNull();
    expect(root.textContent).toContain("Go to the page's tab");
    tEn('removedPickStarted');
    tEn('removedPickFailed', 'x');
    tEn('removedPickHereHint');
    expect(root.querySelector<HTMLButtonElement>('.removed-pick-here')?.disabled).toBe(true);
  });
});

describe('RuleEditor', () => {
  const base = (over: Partial<RuleEditorProps> = {}): RuleEditorProps => ({
    t: tEn,
    rules: [{ id: 'user:example.org/1', why: 'x', sites: ['example.org'], remove: ['.promo'] }],
    initialSite: 'example.org',
    check: domSelectorCheck(dom.window.document),
    preview: { kind: 'ready', before: ['One.', 'Poll.', 'Two.'], after: ['One.', 'Two.'] },
    notice: null,
    onDraft: () => {},
    onSave: () => {},
    onDelete: () => {},
    onDeleteRule: () => {},
    onExport: () => {},
    onImport: () => {},
    ...over,
  });
  const type = (sel: string, value: string) => {
    const el = root.querySelector<HTMLTextAreaElement>(sel)!;
    el.value = value;
    el.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  };

  it('refuses a bad selector with a message, proposes a good one for preview and saves it', async () => {
    const drafts: unknown[] = [];
    const saved: unknown[] = [];
    render(<RuleEditor {...base({ onDraft: (r) => drafts.push(r), onSave: (r) => saved.push(r) })} />, root);
    const save = () => root.querySelector<HTMLButtonElement>('.rule-draft button.primary')!;
    expect(save().disabled).toBe(true);
    type('textarea[name="rule-selectors"]', 'div[');
    await Promise.resolve();
    expect(root.querySelector('.rule-error')?.textContent).toBe('"div[" is not a valid CSS selector.');
    expect(save().disabled).toBe(true);
    expect(drafts.at(-1)).toBeNull();
    type('textarea[name="rule-selectors"]', '.poll\n#related');
    await Promise.resolve();
    expect(root.querySelector('.rule-error')).toBeNull();
    expect(drafts.at(-1)).toMatchObject({ sites: ['example.org'], remove: ['.poll', '#related'] });
    click(save());
    expect(saved).toEqual([
      expect.objectContaining({ sites: ['example.org'], remove: ['.poll', '#related'] }),
    ]);
  });

  it('shows before and after, marking what the draft removes', () => {
    render(<RuleEditor {...base()} />, root);
    expect(root.querySelector('.preview-before .gone')?.textContent).toBe('Poll.');
    expect(root.querySelectorAll('.preview-after p')).toHaveLength(2);
    expect(root.querySelector('.preview-after .added')).toBeNull();
  });

  it('lists saved rules with delete, and says when there is no page to preview', () => {
    const deleted: unknown[] = [];
    render(
      <RuleEditor
        {...base({
          preview: { kind: 'unavailable' },
          onDelete: (...a) => deleted.push(a),
          notice: { kind: 'error', lines: ['1 rules imported.', 'Rule 2: bad'] },
        })}
      />,
      root,
    );
    expect(root.textContent).toContain(en.rulesPreviewUnavailable.message);
    click(root.querySelector('.rule-list button'));
    expect(deleted).toEqual([['example.org', '.promo']]);
    expect(root.querySelector('.notice[role="alert"]')?.textContent).toContain('Rule 2: bad');
    render(<RuleEditor {...base({ rules: [], preview: { kind: 'loading' } })} />, root);
    expect(root.textContent).toContain(en.rulesNone.message);
    render(<RuleEditor {...base({ preview: { kind: 'error', error: 'The page is gone' } })} />, root);
    expect(root.textContent).toContain('The page is gone');
    tEn('rulesSavedOk', 'x');
    tEn('rulesImported', 1);
  });

  it('shows a shared rule with more than selectors whole, with one delete for the rule', () => {
    const deleted: unknown[] = [];
    const rule = {
      id: 'user:example.org/shared',
      why: 'Sponsored lines',
      sites: ['example.org'],
      content: 'article .story',
      text: { patterns: ['sponsored by .+'] },
    };
    render(<RuleEditor {...base({ rules: [rule], onDeleteRule: (id) => deleted.push(id) })} />, root);
    const item = root.querySelector('.rule-list li[data-rule="user:example.org/shared"]')!;
    expect(item.textContent).toContain('Sponsored lines');
    expect([...item.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'content: article .story',
      'pattern: sponsored by .+',
    ]);
    expect(item.querySelector('button')?.getAttribute('aria-label')).toBe('Delete the rule Sponsored lines');
    click(item.querySelector('button'));
    expect(deleted).toEqual(['user:example.org/shared']);
  });
});

describe('strings', () => {
  it('every reader-rules string exists in both languages and is used', () => {
    const mine = Object.keys(en).filter((k) => /^(rules|removed|truncation)/.test(k));
    expect(mine.filter((k) => !(k in it_))).toEqual([]);
    expect(mine.filter((k) => !asked.has(k))).toEqual([]);
  });
});
