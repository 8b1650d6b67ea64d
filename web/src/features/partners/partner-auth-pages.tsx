import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../lib/use-search-param';
import { AuthLayout } from '../../ui/auth-layout';
import { ConfirmResetForm, RequestResetForm } from '../auth/password-reset-forms';
import { SessionLanguageSwitcher } from '../auth/session-language-switcher';
import { SignInForm } from '../auth/sign-in-form';

export function PartnerSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <AuthLayout
      title={t('partner.signInTitle')}
      subtitle={t('partner.signInSubtitle')}
      language={<SessionLanguageSwitcher />}
    >
      <SignInForm app="partner" forgotTo="/reset-password" onSignedIn={() => navigate({ to: '/' })} />
    </AuthLayout>
  );
}

export function PartnerResetPasswordPage() {
  const { t } = useTranslation();
  const token = useSearchParam('token');
  return (
    <AuthLayout
      title={token ? t('auth.resetTitle') : t('auth.forgotTitle')}
      subtitle={token ? undefined : t('auth.forgotSubtitle')}
      language={<SessionLanguageSwitcher />}
    >
      {token ? (
        <ConfirmResetForm token={token} signInTo="/sign-in" />
      ) : (
        <RequestResetForm app="partner" signInTo="/sign-in" />
      )}
    </AuthLayout>
  );
}
