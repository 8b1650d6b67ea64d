import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale, LOCALES } from '../i18n';
import type { Locale } from '../lib/types';

/** A compact language menu; the caller decides where the choice is stored. */
export function LanguageSwitcher({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  const active = LOCALES.find((item) => item.value === i18n.language) ?? LOCALES[0]!;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconLanguage size={16} aria-hidden />}
          aria-label={t('common.language', { current: active.label })}
          data-testid="language-switcher"
        >
          {active.value.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((item) => (
          <Menu.Item
            key={item.value}
            lang={item.value}
            onClick={() => onChange(item.value)}
            rightSection={item.value === currentLocale() ? <IconCheck size={14} aria-hidden /> : null}
            data-locale={item.value}
          >
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
