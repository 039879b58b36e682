// The request for the article goes first; the UI's code (a separate chunk) loads while the tab extracts.
import { requestArticle } from './request';
import './style.css';

const root = document.getElementById('app') as HTMLElement;
const firstRequest = requestArticle();
import('./app')
  .then(({ mountPopup }) => mountPopup(root, firstRequest))
  .catch((err: Error) => {
    // Only a damaged install gets here; say so rather than show an empty popup.
    root.textContent = `Nitido could not start its popup: ${err.message}`;
  });
