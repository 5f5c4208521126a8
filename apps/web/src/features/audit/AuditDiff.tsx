import { Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { isLocale } from '../../app/i18n/i18n';
import { zhCN } from '../../app/locales/zh-CN';
import { useTeamOptions } from '../teams/teams.api';
import { changedFields, type FieldChange } from './auditDiff';
import { isRole, type AuditEvent } from './auditValues';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const BOOLEAN_FIELDS = new Set(['active']);
type KnownField = keyof typeof zhCN.audit.fields;
const isKnownField = (f: string): f is KnownField => Object.hasOwn(zhCN.audit.fields, f);
/** Snapshots may carry column names (team_id); labels are keyed by API names (teamId). */
const camel = (f: string) => f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const teams = useTeamOptions();
  // the record's own id is already in the row
  const changes = changedFields(event.before, event.after).filter((c) => c.field !== 'id');

  function show(rawField: string, value: unknown) {
    const field = camel(rawField);
    if (value === undefined || value === null || value === '') return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
    if (field === 'password') return t('audit.passwordChanged');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (BOOLEAN_FIELDS.has(field) && (value === 0 || value === 1)) return value === 1 ? t('common.yes') : t('common.no');
    if (field === 'teamId' && typeof value === 'string') return teams.data?.find((o) => o.value === value)?.label ?? value;
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
          render: (raw: string) => {
            const f = camel(raw);
            return isKnownField(f) ? t(`audit.fields.${f}`) : raw;
          },
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
