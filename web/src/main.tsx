import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { storedLanguage } from './i18n/locale';
import { loadMessages } from './i18n/messages';
import './ui/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The chosen language's messages before the first paint, so no page flashes in the other language.
const language = storedLanguage();
const messages = await loadMessages(language);
createRoot(root).render(
  <StrictMode>
    <App locale={{ language, messages }} />
  </StrictMode>,
);
