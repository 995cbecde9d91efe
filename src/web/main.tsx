/** Starts the browser app and, where supported, the offline service worker. */
import { render } from 'preact';
import { App } from './app.tsx';
import './styles/app.css';

const root = document.getElementById('app');
if (root) render(<App />, root);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Offline support is a bonus; the app works without it.
    });
  });
}
