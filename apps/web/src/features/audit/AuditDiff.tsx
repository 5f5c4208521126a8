import { Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { isRole, type AuditEvent } from './auditValues';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { isLocale } from '../../app/i18n/i18n';
import { zhCN } from '../../app/locales/zh-CN';
import { changedFields, type FieldChange } from './auditDiff';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
type KnownField = keyof typeof zhCN.audit.fields;
const isKnownField = (f: string): f is KnownField => Object.hasOwn(zhCN.audit.fields, f);

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const changes = changedFields(event.before, event.after);

  function show(field: string, value: unknown) {
    if (value === undefined || value === null || value === '') return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (field === 'role' && isRole(value)) return t(`roles.${value}`);
    if (field === 'locale' && isLocale(value)) return t(`lang.${value}`);
    if (typeof value === 'string') return ISO_TIME.test(value) ? formatDateTime(value) : value;
    if (typeof value === 'number') return String(value);
    return <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(value)}</code>;
  }

  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;

  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      data-testid="audit-diff"
      style={{ maxWidth: 900 }}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 160,
          render: (f: string) => (isKnownField(f) ? t(`audit.fields.${f}`) : f),
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown, row) => (
            <span style={{ color: event.action === 'create' ? undefined : '#a8071a' }}>{show(row.field, v)}</span>
          ),
        },
        { key: 'arrow', width: 32, render: () => <ArrowRightOutlined style={{ color: '#bfbfbf' }} /> },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown, row) => (
            <span style={{ color: event.action === 'delete' ? undefined : '#237804' }}>{show(row.field, v)}</span>
          ),
        },
      ]}
    />
  );
}
