import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConflictCheck } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { applyServerErrors } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { useCursorPager } from '../../components/useCursorPager';
import { conflictChecksApi, conflictKeys, useConflictCheck, useConflictChecks } from './conflictChecks.api';
import { ConflictResult, ConflictResultEmpty } from './ConflictResult';

interface CheckValues {
  names: string;
  purpose?: string;
}

const splitNames = (text: string) => [...new Set(text.split(/[\n;；]+/).map((n) => n.trim()).filter(Boolean))];

/** C-11 利益冲突检索: names in, hits grouped by where, every check logged. */
export function ConflictChecksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CheckValues>();
  const [current, setCurrent] = useState<ConflictCheck | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useConflictCheck(openId);
  const pager = useCursorPager('conflicts');
  const history = useConflictChecks(pager.cursor);
  const shown = openId && opened.data ? opened.data : current;

  const run = useMutation({
    mutationFn: (v: CheckValues) => conflictChecksApi.run(splitNames(v.names), v.purpose?.trim() || null),
    onSuccess: (check) => {
      setOpenId(null);
      setCurrent(check);
      void client.invalidateQueries({ queryKey: conflictKeys.all });
    },
    onError: (err) => applyServerErrors(err, form, ['names', 'purpose'], (text) => message.error(text)),
  });

  const columns: TableColumnsType<ConflictCheck> = [
    { title: t('conflicts.at'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: t('conflicts.names'),
      dataIndex: 'names',
      ellipsis: true,
      render: (names: string[]) => names.join('、'),
    },
    { title: t('conflicts.by'), dataIndex: 'userName', width: 100, ellipsis: true, render: (n: string | null) => n ?? t('common.empty') },
    {
      title: t('conflicts.hits'),
      dataIndex: 'hitCount',
      width: 100,
      render: (n: number) => (n > 0 ? <Tag color="orange">{t('conflicts.hitsShort', { count: n })}</Tag> : <Tag color="green">{t('conflicts.noHitsShort')}</Tag>),
    },
  ];

  return (
    <div data-testid="conflicts-page">
      <PageHeader title={t('conflicts.title')} subtitle={t('conflicts.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card variant="borderless">
            <Form<CheckValues> form={form} layout="vertical" onFinish={(v) => run.mutate(v)} disabled={run.isPending}>
              <Form.Item
                name="names"
                label={t('conflicts.names')}
                extra={t('conflicts.namesHint')}
                rules={[
                  { required: true, whitespace: true, message: t('conflicts.namesRequired') },
                  {
                    validator: (_, v?: string) =>
                      !v || splitNames(v).length <= 20 ? Promise.resolve() : Promise.reject(new Error(t('conflicts.tooMany'))),
                  },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} placeholder={t('conflicts.namesPlaceholder')} data-testid="conflict-names" />
              </Form.Item>
              <Form.Item name="purpose" label={t('conflicts.purpose')} rules={[{ max: 500, message: t('validation.max', { label: t('conflicts.purpose'), max: 500 }) }]}>
                <Input placeholder={t('conflicts.purposePlaceholder')} data-testid="conflict-purpose" />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={run.isPending} data-testid="conflict-run">
                {t('conflicts.run')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>{shown ? <ConflictResult check={shown} /> : <ConflictResultEmpty />}</Col>
        <Col span={24}>
          <Card variant="borderless" title={t('conflicts.history')}>
            <Table<ConflictCheck>
              className="retainer-table"
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={history.data?.items ?? []}
              loading={history.isFetching}
              pagination={false}
              scroll={{ x: 640 }}
              onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
              locale={{ emptyText: <Typography.Text type="secondary">{t('conflicts.historyEmpty')}</Typography.Text> }}
              data-testid="conflict-history"
            />
            <CursorPager
              total={history.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={history.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
