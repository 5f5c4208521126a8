import type { ReactNode } from 'react';
import { Badge, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface Props {
  title: string;
  /** shown as a badge; red when `danger` */
  count?: number;
  danger?: boolean;
  /** more exist than listed: "显示 50 / 共 80 条 · 查看全部" */
  more?: { shown: number; total: number; to: string } | null;
  testId: string;
  children: ReactNode;
}

export function SectionCard({ title, count, danger = false, more, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      variant="borderless"
      size="small"
      styles={{ body: { paddingTop: 0 } }}
      title={
        <Flex align="center" gap={8}>
          <span>{title}</span>
          {count !== undefined ? (
            <span data-testid={`${testId}-count`} data-count={count}>
              <Badge count={count} showZero overflowCount={999} color={danger && count > 0 ? '#f5222d' : count > 0 ? '#1f4e8c' : '#bfbfbf'} />
            </span>
          ) : null}
        </Flex>
      }
      data-testid={testId}
    >
      {children}
      {more && more.total > more.shown ? (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ paddingTop: 12 }}>
          <Typography.Text type="secondary">{t('myDay.shown', { shown: more.shown, total: more.total })}</Typography.Text>
          <Link to={more.to} data-testid={`${testId}-more`}>
            {t('myDay.viewAll')}
          </Link>
        </Flex>
      ) : null}
    </Card>
  );
}

/** A section with nothing in it: one friendly line. */
export function SectionEmpty({ text, testId }: { text: string; testId?: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '16px 0 4px' }} data-testid={testId}>
      {text}
    </Typography.Paragraph>
  );
}
