import { render } from 'preact';

render(<main>Nitido reader</main>, document.getElementById('app') as HTMLElement);
