import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

function BackHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" data-testid="back-home" onClick={() => navigate('/', { replace: true })}>
      {t('common.backHome')}
    </Button>
  );
}

export function ForbiddenResult() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="page-403"
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbidden')}
      extra={<BackHome />}
    />
  );
}

export function NotFoundResult() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="page-404"
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.notFound')}
      extra={<BackHome />}
    />
  );
}

/** Shown when a query fails outright (network, 5xx, …). */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
