// Read aloud with the browser's own speech synthesis, one paragraph per utterance: long utterances are cut off
// by some engines, and paragraph steps let pause/resume and speed changes take effect quickly.

export type ReadAloudStatus = 'idle' | 'playing' | 'paused';

export interface SpeechEnv {
  synth: SpeechSynthesis;
  Utterance: typeof SpeechSynthesisUtterance;
}

export class ReadAloud {
  status: ReadAloudStatus = 'idle';
  rate = 1;
  private index = 0;
  private run = 0;

  constructor(
    private env: SpeechEnv,
    private paragraphs: string[],
    private lang: string | null,
    private onChange: (status: ReadAloudStatus) => void,
  ) {}

  /** A voice of the article's language (e.g. "it" matches "it-IT"), when the system has one. */
  private voice(): SpeechSynthesisVoice | undefined {
    if (!this.lang) return undefined;
    const want = this.lang.toLowerCase().split(/[-_]/)[0];
    return this.env.synth.getVoices().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === want);
  }

  private set(status: ReadAloudStatus) {
    this.status = status;
    this.onChange(status);
  }

  private speakFrom(index: number) {
    const run = ++this.run;
    this.env.synth.cancel();
    this.index = index;
    const next = () => {
      if (run !== this.run) return;
      if (this.index >= this.paragraphs.length) {
        this.set('idle');
        this.index = 0;
        return;
      }
      const u = new this.env.Utterance(this.paragraphs[this.index]);
      if (this.lang) u.lang = this.lang;
      const voice = this.voice();
      if (voice) u.voice = voice;
      u.rate = this.rate;
      u.onend = () => {
        if (run !== this.run) return;
        this.index += 1;
        next();
      };
      u.onerror = () => {
        if (run === this.run) this.set('idle');
      };
      this.env.synth.speak(u);
    };
    this.set('playing');
    next();
  }

  play() {
    if (this.status === 'paused') {
      this.env.synth.resume();
      this.set('playing');
    } else if (this.status === 'idle') {
      this.speakFrom(0);
    }
  }

  pause() {
    if (this.status !== 'playing') return;
    this.env.synth.pause();
    this.set('paused');
  }

  stop() {
    this.run += 1;
    this.env.synth.cancel();
    this.index = 0;
    this.set('idle');
  }

  /** A new speed applies from the current paragraph on (an utterance's rate is fixed once spoken). */
  setRate(rate: number) {
    this.rate = rate;
    if (this.status === 'playing') this.speakFrom(this.index);
  }
}
