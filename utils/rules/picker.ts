// The element picker, run in the page's isolated world on the reader's request: hover shows what would go,
// a click proposes a selector for it, "Hide on this site" saves it as the reader's rule (through the background,
// which takes the site from the sender, not from us). Its UI lives in a shadow root so the page's styles stay out.
import { browser } from 'wxt/browser';

/** The picker's one message to the background (listed in utils/messages.ts as `picked`). */
interface PickedMessage {
  type: 'picked';
  selector: string;
}
interface ReadSelectionMessage {
  type: 'read-selection';
}

import { selectorFor } from './css-path';

const HOST_ID = 'nitido-picker';

const STYLE = `
:host { all: initial; }
.box { position: fixed; pointer-events: none; z-index: 2147483646; outline: 2px solid #c0392b;
  background: rgba(192, 57, 43, .15); transition: all .05s; }
.bar { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); z-index: 2147483647;
  font: 14px/1.4 system-ui, sans-serif; background: #fff; color: #111; border: 1px solid #888; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.3); padding: 10px 12px; display: flex; gap: 8px; align-items: center;
  flex-wrap: wrap; max-width: 90vw; }
.bar input { font: 13px monospace; min-width: 18em; padding: 3px 5px; }
.bar button { font: inherit; padding: 3px 10px; cursor: pointer; }
.msg { flex-basis: 100%; }
`;

export function startPicker(win: Window & typeof globalThis): void {
  const doc = win.document;
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', 'Nitido element picker');
  const msg = doc.createElement('span');
  msg.className = 'msg';
  msg.textContent = 'Click the element to hide in the clean view (Esc to cancel).';
  const input = doc.createElement('input');
  input.setAttribute('aria-label', 'Selector');
  input.hidden = true;
  const wider = button('Wider', 'wider');
  const hide = button('Hide on this site', 'hide');
  // The manual fallback: this region is the article (when detection or extraction got it wrong).
  const read = button('Clean view of this part', 'read');
  const cancel = button('Cancel', 'cancel');
  wider.hidden = true;
  hide.hidden = true;
  read.hidden = true;
  bar.append(msg, input, wider, hide, read, cancel);
  root.append(style, box, bar);
  doc.documentElement.append(host);

  let chosen: Element | null = null;
  const draw = (el: Element | null) => {
    if (!el) {
      box.style.display = 'none';
      return;
    }
    const r = el.getBoundingClientRect();
    Object.assign(box.style, {
      display: 'block',
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };
  const ours = (e: Event) => e.composedPath().includes(host);
  const onMove = (e: MouseEvent) => {
    if (chosen || ours(e)) return;
    draw(e.target instanceof win.Element ? e.target : null);
  };
  const choose = (el: Element) => {
    chosen = el;
    draw(el);
    input.value = selectorFor(el);
    input.hidden = false;
    wider.hidden = el.parentElement === doc.body || !el.parentElement;
    hide.hidden = false;
    read.hidden = false;
    count();
  };
  const count = () => {
    let n = 0;
    try {
      n = doc.querySelectorAll(input.value).length;
    } catch {
      msg.textContent = 'This is not a valid selector.';
      hide.disabled = true;
      return;
    }
    hide.disabled = n === 0;
    msg.textContent = `Hide ${n} element${n === 1 ? '' : 's'} matching this selector on ${win.location.hostname}?`;
  };
  const onClick = (e: MouseEvent) => {
    if (ours(e)) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.target instanceof win.Element) choose(e.target);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') stop();
  };
  const stop = () => {
    doc.removeEventListener('mousemove', onMove, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
    host.remove();
  };
  input.addEventListener('input', count);
  wider.addEventListener('click', () => {
    if (chosen?.parentElement && chosen.parentElement !== doc.body) choose(chosen.parentElement);
  });
  cancel.addEventListener('click', stop);
  hide.addEventListener('click', async () => {
    const message: PickedMessage = { type: 'picked', selector: input.value.trim() };
    hide.disabled = true;
    const res = (await browser.runtime.sendMessage(message).catch((err: Error) => ({
      ok: false,
      error: err.message,
    }))) as { ok: boolean; site?: string; error?: string } | undefined;
    if (res?.ok) {
      msg.textContent = `Saved: hidden on ${res.site} in the clean view. Reopen the clean view to see it.`;
      for (const b of [input, wider, hide, read]) b.hidden = true;
      cancel.textContent = 'Close';
      chosen = null;
      draw(null);
      doc.removeEventListener('mousemove', onMove, true);
      doc.removeEventListener('click', onClick, true);
      host.dataset.saved = 'true';
    } else {
      msg.textContent = `Not saved: ${res?.error ?? 'no answer'}`;
      hide.disabled = false;
    }
  });
  read.addEventListener('click', async () => {
    if (!chosen) return;
    win.getSelection()?.selectAllChildren(chosen);
    const message: ReadSelectionMessage = { type: 'read-selection' };
    stop();
    await browser.runtime.sendMessage(message).catch(() => undefined);
  });
  doc.addEventListener('mousemove', onMove, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);

  function button(text: string, name: string) {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset.action = name;
    return b;
  }
}
