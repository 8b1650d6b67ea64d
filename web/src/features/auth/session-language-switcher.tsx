import { LanguageSwitcher } from '../../ui/language-switcher';
import { notifyError } from '../../ui/notify';
import { useMe, useSessionActions } from './session';

/** The language menu wired to the session: kept in the profile when signed in, in the browser always. */
export function SessionLanguageSwitcher() {
  const { data: me } = useMe();
  const session = useSessionActions();
  return (
    <LanguageSwitcher onChange={(locale) => session.changeLocale(locale, Boolean(me)).catch(notifyError)} />
  );
}
