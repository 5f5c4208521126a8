import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { onUnauthorized } from './api/client';
import { queryClient } from './api/queryClient';
import { clearSession, useMe } from './auth/session';
import { i18n } from './i18n/i18n';

const brand = {
  colorPrimary: '#1f4e8c',
  colorInfo: '#1f4e8c',
  // The derived tints of the navy come out grey; selected rows and options use a light navy instead.
  colorPrimaryBg: '#e8eef7',
  colorPrimaryBgHover: '#d9e3f1',
  borderRadius: 6,
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
};

/** A 401 on any call ends the session; RequireAuth then sends the user to /login. */
function SessionEffects() {
  const client = useQueryClient();
  const { data: me } = useMe();
  const { i18n: i18nInstance } = useTranslation();

  useEffect(() => onUnauthorized(() => clearSession(client)), [client]);

  // After sign-in the user's saved language wins over the browser's.
  const savedLocale = me?.user.locale;
  useEffect(() => {
    if (savedLocale && savedLocale !== i18nInstance.language) void i18nInstance.changeLanguage(savedLocale);
  }, [savedLocale, i18nInstance]);
  return null;
}

function LocalizedAnt({ children }: { children: ReactNode }) {
  const { i18n: i18nInstance } = useTranslation();
  const isZh = i18nInstance.language !== 'en-US';
  return (
    <ConfigProvider
      locale={isZh ? zh_CN : en_US}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: brand,
        components: {
          Layout: { headerBg: '#ffffff', siderBg: '#0f2440', triggerBg: '#0b1b31', headerPadding: '0 24px' },
          Menu: { darkItemBg: '#0f2440', darkSubMenuItemBg: '#0b1b31', darkItemSelectedBg: '#1f4e8c' },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAnt>
          <SessionEffects />
          {children}
        </LocalizedAnt>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
