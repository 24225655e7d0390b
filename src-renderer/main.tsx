import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/api-context';
import { createApiClient } from './api/create-client';
import { createQueryClient } from './api/queries';
import { App } from './app/app';
import { startTheme } from './app/theme';
import './ui/theme.css';
import './app/app.css';

const client = createApiClient();
const queryClient = createQueryClient();
// Before the first render, so the first frame is drawn in the chosen theme.
// The desktop shell follows the choice (a failure only leaves native menus in the old theme).
startTheme((choice) => void client.setNativeTheme?.(choice).catch(() => undefined));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ApiContext.Provider>
  </StrictMode>,
);
