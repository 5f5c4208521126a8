import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { InteractionDrawer } from './InteractionDrawer';

/** UI.md top bar: "+ 记录沟通", available on every page; on a phone an icon button. */
export function LogInteractionButton({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const canLog = useCan('interactions:log');
  const canRead = useCan('clients:read');
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  if (!canLog || !canRead) return null;
  const open = () => setDrawer((d) => ({ open: true, key: d.key + 1 }));
  return (
    <>
      {compact ? (
        <Tooltip title={t('interactions.log')}>
          <Button type="primary" shape="circle" icon={<PlusOutlined />} onClick={open} aria-label={t('interactions.log')} data-testid="log-interaction" />
        </Tooltip>
      ) : (
        <Button type="primary" icon={<PlusOutlined />} onClick={open} data-testid="log-interaction">
          {t('interactions.log')}
        </Button>
      )}
      <InteractionDrawer key={drawer.key} open={drawer.open} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
