import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { PERSONNEL_FIELDS, type MyDay, type Touchpoint } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { occasionLabel } from '../care/careFormat';
import { dayWithWeekday } from './myDayFormat';
import { ITEM_STYLE } from './TouchpointItem';
import { SectionCard, SectionEmpty } from './SectionCard';

const isPersonnelField = (f: string): f is (typeof PERSONNEL_FIELDS)[number] => (PERSONNEL_FIELDS as readonly string[]).includes(f);
const ROLES = ['lead_lawyer', 'client_manager', 'assistant', 'secretary'] as const;
const isRole = (r: string): r is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(r);
const ellipsis = { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** 近14天关怀日: "春节 · 2月6日（周六）", the client, and the day to send the card or gift by. */
interface CareProps {
  items: Touchpoint[];
  today: string;
  meId: string;
  phone: boolean;
  onLog: (tp: Touchpoint) => void;
}

export function CareDatesSection({ items, today, meId, phone, onLog }: CareProps) {
  const { t, i18n } = useTranslation();
  return (
    <SectionCard title={t('myDay.sections.careDates')} count={items.length} testId="my-day-care">
      {items.length === 0 ? <SectionEmpty text={t('myDay.empty.careDates')} /> : null}
      {items.map((tp) => (
        <Flex key={tp.id} justify="space-between" align="center" gap={12} style={ITEM_STYLE} data-testid="my-day-care-item">
          <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong>
              {[occasionLabel(t, tp.occasion), tp.occasionOn ? dayWithWeekday(t, i18n.language, tp.occasionOn) : null].filter(Boolean).join(' · ')}
            </Typography.Text>
            <Link to={`/clients/${tp.clientId}`} style={ellipsis}>
              {tp.clientName}
            </Link>
            <Typography.Text type={tp.status === 'open' && tp.dueOn < today ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {tp.status === 'done'
                ? t('myDay.care.done')
                : t('myDay.care.dueBy', { date: dayWithWeekday(t, i18n.language, tp.dueOn) })}
              {tp.assigneeId !== meId && tp.assigneeName ? ` · ${t('myDay.care.assignee', { name: tp.assigneeName })}` : ''}
            </Typography.Text>
          </Flex>
          {tp.status === 'open' && tp.assigneeId === meId ? (
            <Button size={phone ? 'large' : 'middle'} icon={<EditOutlined />} onClick={() => onLog(tp)} data-testid="my-day-care-log">
              {t('myDay.log')}
            </Button>
          ) : tp.status === 'done' ? (
            <Tag color="green">{t('care.status.done')}</Tag>
          ) : null}
        </Flex>
      ))}
    </SectionCard>
  );
}

/** 待发周报: weekly briefs due within three days, linked to their matter. */
export function BriefsSection({ items }: { items: MyDay['briefs'] }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('myDay.sections.briefs')} count={items.length} danger={items.some((b) => b.overdue)} testId="my-day-briefs">
      {items.length === 0 ? <SectionEmpty text={t('myDay.empty.briefs')} /> : null}
      {items.map((b) => (
        <Flex key={b.obligationId} justify="space-between" align="center" gap={12} style={ITEM_STYLE}>
          <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Link to={`/matters/${b.matterId}`} style={{ ...ellipsis, fontWeight: 600 }}>
              {b.matterTitle}
            </Link>
            <Typography.Text type="secondary" style={{ ...ellipsis, fontSize: 12 }}>
              {b.clientName}
            </Typography.Text>
          </Flex>
          <Flex vertical align="flex-end" gap={2} style={{ flex: 'none' }}>
            {b.overdue ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('care.status.overdue')}</Tag> : null}
            <Typography.Text type={b.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {t('myDay.briefDue', { at: formatDateTime(b.dueAt) })}
            </Typography.Text>
          </Flex>
        </Flex>
      ))}
    </SectionCard>
  );
}

/** 联系人变动: "张三 职务：法务经理 → 法务总监" at my clients in the last two weeks. */
export function PersonnelSection({ items }: { items: MyDay['personnelChanges'] }) {
  const { t } = useTranslation();
  const value = (field: string, v: string | null) =>
    v === null || v === '' ? t('common.empty') : field === 'status' && (v === 'in_post' || v === 'left') ? t(`contacts.statuses.${v}`) : v;
  return (
    <SectionCard title={t('myDay.sections.personnel')} count={items.length} testId="my-day-personnel">
      {items.length === 0 ? <SectionEmpty text={t('myDay.empty.personnel')} /> : null}
      {items.map((c) => (
        <Flex key={c.id} vertical gap={2} style={ITEM_STYLE}>
          <Flex justify="space-between" gap={8}>
            <Link to={`/clients/${c.clientId}`} style={ellipsis}>
              {c.clientName}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
              {formatDateTime(c.changedAt).slice(0, 10)}
            </Typography.Text>
          </Flex>
          <span style={{ wordBreak: 'break-word' }}>
            {c.contactName ? <Typography.Text strong>{c.contactName} </Typography.Text> : null}
            {isPersonnelField(c.field) ? t(`personnel.fields.${c.field}`) : c.field}
            {t('client.colon')}
            <Typography.Text type="secondary">{value(c.field, c.oldValue)}</Typography.Text>
            {' → '}
            <Typography.Text strong>{value(c.field, c.newValue)}</Typography.Text>
          </span>
        </Flex>
      ))}
    </SectionCard>
  );
}

/** 本月联络不足: clients where my contacts this month are below the cadence target. */
export function CadenceSection({ items, flagged }: { items: MyDay['cadence']; flagged: boolean }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('myDay.sections.cadence')} count={items.length} danger={flagged} testId="my-day-cadence">
      {items.length === 0 ? <SectionEmpty text={t('myDay.empty.cadence')} /> : null}
      {items.map((c) => (
        <Flex key={`${c.clientId}:${c.role}`} justify="space-between" align="center" gap={12} style={ITEM_STYLE}>
          <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Link to={`/clients/${c.clientId}`} style={ellipsis}>
              {c.clientName}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {isRole(c.role) ? t(`care.roles.${c.role}`) : c.role}
            </Typography.Text>
          </Flex>
          <Flex vertical align="flex-end" gap={0} style={{ flex: 'none', width: 110 }}>
            <Typography.Text type={flagged ? 'danger' : 'warning'} style={{ fontSize: 13 }}>
              {t('myDay.cadenceCount', { count: c.count, target: c.target })}
            </Typography.Text>
            <Progress percent={c.target ? Math.round((100 * c.count) / c.target) : 0} showInfo={false} size="small" strokeColor={flagged ? '#f5222d' : '#fa8c16'} />
          </Flex>
        </Flex>
      ))}
    </SectionCard>
  );
}
