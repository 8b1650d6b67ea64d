import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../lib/use-search-param';
import { AuthLayout } from '../../ui/auth-layout';
import { SessionLanguageSwitcher } from './session-language-switcher';
import { SignInForm } from './sign-in-form';

/** Where a redirect may lead after sign-in: only paths of this app. */
export function safeRedirect(value: string): string {
  return value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function StaffSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const redirect = safeRedirect(useSearchParam('redirect'));
  return (
    <AuthLayout
      title={t('auth.signInTitle')}
      subtitle={t('auth.signInSubtitle')}
      language={<SessionLanguageSwitcher />}
    >
      <SignInForm app="staff" forgotTo="/forgot-password" onSignedIn={() => navigate({ to: redirect })} />
    </AuthLayout>
  );
}
