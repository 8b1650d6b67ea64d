import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../lib/use-search-param';
import { AuthLayout } from '../../ui/auth-layout';
import { ConfirmResetForm, RequestResetForm } from './password-reset-forms';
import { SessionLanguageSwitcher } from './session-language-switcher';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout
      title={t('auth.forgotTitle')}
      subtitle={t('auth.forgotSubtitle')}
      language={<SessionLanguageSwitcher />}
    >
      <RequestResetForm app="staff" signInTo="/sign-in" />
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useSearchParam('token');
  return (
    <AuthLayout title={t('auth.resetTitle')} language={<SessionLanguageSwitcher />}>
      {token ? (
        <ConfirmResetForm token={token} signInTo="/sign-in" />
      ) : (
        <RequestResetForm app="staff" signInTo="/sign-in" />
      )}
    </AuthLayout>
  );
}
