import { render } from 'preact';

render(<main>Nitido options</main>, document.getElementById('app') as HTMLElement);
