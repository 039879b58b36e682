// Read aloud drives speechSynthesis paragraph by paragraph; a recording fake stands in for the browser's engine.
import { describe, expect, it } from 'vitest';
import { ReadAloud, type ReadAloudStatus, type SpeechEnv } from '@/utils/extension/read-aloud';

class FakeUtterance {
  lang = '';
  rate = 1;
  voice: { lang: string } | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

function fakeEnv(voices: { lang: string; name: string }[] = []) {
  const spoken: FakeUtterance[] = [];
  const calls: string[] = [];
  const synth = {
    speak: (u: FakeUtterance) => spoken.push(u),
    cancel: () => calls.push('cancel'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    getVoices: () => voices,
  };
  const env = { synth, Utterance: FakeUtterance } as unknown as SpeechEnv;
  /** The engine finishes the utterance it is speaking. */
  const finish = () => spoken[spoken.length - 1].onend?.();
  return { env, spoken, calls, finish };
}

describe('ReadAloud', () => {
  it('speaks the paragraphs in order in the article language, then stops', () => {
    const { env, spoken, finish } = fakeEnv([
      { lang: 'en-US', name: 'English' },
      { lang: 'it-IT', name: 'Italiano' },
    ]);
    const states: ReadAloudStatus[] = [];
    const r = new ReadAloud(env, ['Uno.', 'Due.'], 'it', (s) => states.push(s));
    r.play();
    expect(spoken.map((u) => u.text)).toEqual(['Uno.']);
    expect(spoken[0].lang).toBe('it');
    expect(spoken[0].voice).toMatchObject({ name: 'Italiano' });
    finish();
    expect(spoken.map((u) => u.text)).toEqual(['Uno.', 'Due.']);
    finish();
    expect(r.status).toBe('idle');
    expect(states).toEqual(['playing', 'idle']);
  });

  it('pauses and resumes', () => {
    const { env, calls } = fakeEnv();
    const r = new ReadAloud(env, ['Uno.'], null, () => {});
    r.play();
    r.pause();
    expect(r.status).toBe('paused');
    r.play();
    expect(r.status).toBe('playing');
    expect(calls).toEqual(['cancel', 'pause', 'resume']);
  });

  it('a new speed restarts the current paragraph at that speed', () => {
    const { env, spoken, finish } = fakeEnv();
    const r = new ReadAloud(env, ['Uno.', 'Due.', 'Tre.'], 'en', () => {});
    r.play();
    finish();
    r.setRate(1.5);
    expect(spoken.map((u) => [u.text, u.rate])).toEqual([
      ['Uno.', 1],
      ['Due.', 1],
      ['Due.', 1.5],
    ]);
    // The cancelled utterance's end must not advance the new run.
    spoken[1].onend?.();
    expect(spoken).toHaveLength(3);
  });

  it('stop ends the reading and the next play starts from the top', () => {
    const { env, spoken, finish } = fakeEnv();
    const r = new ReadAloud(env, ['Uno.', 'Due.'], 'en', () => {});
    r.play();
    finish();
    r.stop();
    expect(r.status).toBe('idle');
    r.play();
    expect(spoken[spoken.length - 1].text).toBe('Uno.');
  });
});
