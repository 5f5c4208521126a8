import { Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface CursorPagerProps {
  total: number | undefined;
  /** The total stopped counting at `total` and there are more (searches say "1,000+"). */
  totalCapped?: boolean | undefined;
  page: number;
  hasPrev: boolean;
  nextCursor: string | null | undefined;
  onPrev: () => void;
  onNext: (cursor: string) => void;
  testId?: string;
}

export function CursorPager({ total, totalCapped, page, hasPrev, nextCursor, onPrev, onNext, testId }: CursorPagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }} wrap gap={8}>
      <Typography.Text type="secondary" data-testid={testId ? `${testId}-total` : undefined}>
        {total === undefined ? '\u00a0' : t(totalCapped ? 'common.totalAtLeast' : 'common.total', { count: total })}
      </Typography.Text>
      <Space>
        <Typography.Text type="secondary">{t('common.page', { page })}</Typography.Text>
        <Button size="small" icon={<LeftOutlined />} disabled={!hasPrev} onClick={onPrev}>
          {t('common.prevPage')}
        </Button>
        <Button
          size="small"
          disabled={!nextCursor}
          onClick={() => nextCursor && onNext(nextCursor)}
          data-testid={testId ? `${testId}-next` : undefined}
        >
          {t('common.nextPage')}
          <RightOutlined />
        </Button>
      </Space>
    </Flex>
  );
}
