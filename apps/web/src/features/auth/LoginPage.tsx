import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { Login } from '@retainer/shared';
import { ApiRequestError } from '../../app/api/client';
import { safeNext } from '../../app/auth/guards';
import { landingPath, setSession, useMe } from '../../app/auth/session';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { FullPageSpin } from '../../components/FullPageSpin';
import { login } from './auth.api';
import { LoginHero } from './LoginHero';
import styles from './LoginPage.module.css';

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Login>();
  const [failure, setFailure] = useState<ApiRequestError | Error | null>(null);
  const next = safeNext(params.get('next'));
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (signedIn) => {
      setSession(client, signedIn);
      navigate(next ?? landingPath(signedIn), { replace: true });
    },
    onError: (err) => {
      setFailure(err);
      form.setFieldValue('password', '');
    },
  });

  if (isPending) return <FullPageSpin />;
  if (me) return <Navigate to={next ?? landingPath(me)} replace />;

  const locked = failure instanceof ApiRequestError && failure.status === 429;

  return (
    <div className={styles.page} data-testid="login-page">
      <LoginHero />
      <main className={styles.panel}>
        <div className={styles.lang}>
          <LanguageSwitch />
        </div>
        <Card className={styles.card} variant="borderless">
          <Flex vertical gap={4} style={{ marginBottom: 24 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="login-title">
              {t('login.welcome')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </Flex>
          {loggedOut && !failure ? (
            <Alert type="success" showIcon title={t('login.loggedOut')} style={{ marginBottom: 16 }} />
          ) : null}
          {failure ? (
            <Alert
              data-testid="login-error"
              type={locked ? 'warning' : 'error'}
              showIcon
              title={locked ? t('login.lockedTitle') : t('login.failedTitle')}
              description={failure.message}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form<Login>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(values) => {
              setFailure(null);
              mutation.mutate({ login: values.login.trim(), password: values.password });
            }}
            onValuesChange={() => failure && !locked && setFailure(null)}
          >
            <Form.Item
              name="login"
              label={t('login.email')}
              rules={[{ required: true, whitespace: true, message: t('login.emailRequired') }]}
            >
              <Input
                prefix={<MailOutlined />}
                placeholder={t('login.emailPlaceholder')}
                autoComplete="username"
                autoFocus
                data-testid="login-email"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.passwordPlaceholder')}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={mutation.isPending}
              data-testid="login-submit"
              style={{ marginTop: 8 }}
            >
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 20, marginBottom: 0, fontSize: 13 }}>
            {t('login.forgot')}
          </Typography.Paragraph>
        </Card>
        <Typography.Text type="secondary" className={styles.footer}>
          {t('login.footer', { year: new Date().getFullYear() })}
        </Typography.Text>
      </main>
    </div>
  );
}
