import { render } from 'preact';

render(<main>Nitido library</main>, document.getElementById('app') as HTMLElement);
