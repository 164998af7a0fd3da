// Entry of the task pane: waits for Office.js, picks the language from Office's display
// language, and renders the pane.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { languageFromDisplayLanguage } from './strings';

function render(displayLanguage: string | undefined) {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(<App initialLang={languageFromDisplayLanguage(displayLanguage)} />);
}

// Opened outside Office (or Office.js could not load), the pane still renders; its actions
// then say in plain words that they need Excel.
if (typeof Office === 'undefined') render(undefined);
else void Office.onReady(() => render(Office.context?.displayLanguage));
