import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SurveyApp } from './SurveyApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SurveyApp />
  </StrictMode>,
);
