import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@retainer/shared';
import { ME_KEY, patchMyLocale, setSession } from '../auth/session';
import { isLocale } from './i18n';
import type { Me } from '@retainer/shared';

/** Switch the UI language; signed-in users have it saved on their account. */
export function useLocaleSwitch() {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';

  async function change(next: Locale): Promise<void> {
    if (next === locale) return;
    const me = client.getQueryData<Me | null>(ME_KEY);
    if (!me) {
      await i18n.changeLanguage(next);
      return;
    }
    setPending(true);
    try {
      const updated = await patchMyLocale(next);
      setSession(client, updated);
      await i18n.changeLanguage(next);
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setPending(false);
    }
  }

  return { locale, change, pending };
}
