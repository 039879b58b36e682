import { render } from 'preact';

render(<main>Nitido popup</main>, document.getElementById('app') as HTMLElement);
