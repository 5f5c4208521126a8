import { Segmented } from 'antd';
import { LOCALES, type Locale } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useLocaleSwitch } from '../i18n/useLocaleSwitch';

/** 中文 / English; each name is written in its own language. */
export function LanguageSwitch({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const { locale, change, pending } = useLocaleSwitch();
  return (
    <Segmented<Locale>
      size={size}
      value={locale}
      disabled={pending}
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      onChange={(value) => void change(value)}
      options={LOCALES.map((l) => ({
        value: l,
        label: <span data-testid={`lang-${l}`}>{t(`lang.${l}`)}</span>,
      }))}
    />
  );
}
