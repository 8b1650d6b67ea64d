// Thai glyphs everywhere, even on devices without a Thai font (loaded only when Thai text shows).
import '@fontsource/noto-sans-thai/thai-400.css';
import '@fontsource/noto-sans-thai/thai-500.css';
import '@fontsource/noto-sans-thai/thai-700.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, mergeThemeOverrides, PasswordInput } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { queryClient } from '../lib/query-client';
import { ConfirmProvider } from './confirm';
import { theme } from './theme';

/** Everything both apps wrap their router in. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedMantine>
          <Notifications position="top-right" />
          <ConfirmProvider>{children}</ConfirmProvider>
        </LocalizedMantine>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** Mantine with the labels its components write themselves (screen readers read them) translated. */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const localized = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          PasswordInput: PasswordInput.extend({
            defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } },
          }),
        },
      }),
    [t],
  );
  return (
    <MantineProvider theme={localized} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
