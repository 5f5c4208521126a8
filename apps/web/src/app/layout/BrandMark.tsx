import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';

export function BrandMark({ collapsed, onClick }: { collapsed: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      justify={collapsed ? 'center' : 'flex-start'}
      gap={10}
      onClick={onClick}
      style={{ height: 64, padding: collapsed ? 0 : '0 20px', cursor: 'pointer', overflow: 'hidden' }}
      data-testid="brand"
    >
      <span
        aria-hidden
        style={{
          flex: 'none',
          width: 32,
          height: 32,
          borderRadius: 8,
          background: 'linear-gradient(135deg, #c9a227, #e6c65c)',
          color: '#0f2440',
          fontWeight: 700,
          fontSize: 18,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        律
      </span>
      {collapsed ? null : (
        <span style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap' }}>
          {t('common.appName')}
        </span>
      )}
    </Flex>
  );
}
