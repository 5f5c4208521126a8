import { Flex, Form, Select, type FormInstance } from 'antd';
import {
  CARE_MAX_PER_YEAR,
  CLIENT_STATUSES,
  PER_YEAR_PERIODIC,
  PROGRAMME_CHANNELS,
  PROGRAMME_ROLES,
  TIERS,
  TOUCHPOINT_KINDS,
  type ClientStatus,
  type ProgrammeChannel,
  type ProgrammeRole,
  type Tier,
  type TouchpointKind,
} from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { cadenceLabel } from './careFormat';

const CARE_COUNTS = Array.from({ length: CARE_MAX_PER_YEAR }, (_, i) => i + 1);
/** P-1: periodic rules split the year evenly; care touches pick 1–6 dates. */
export const perYearChoices = (kind: TouchpointKind | undefined): readonly number[] => (kind === 'care' ? CARE_COUNTS : PER_YEAR_PERIODIC);

const cell = { margin: 0 };
// cells stack two fields; the table stays within a laptop's width
const stacked = { marginBottom: 6 };

/** 维护事项 over 频次; a kind change keeps the cadence if it is still allowed. */
export function KindCadenceCell({ name, form }: { name: number; form: FormInstance }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      <Form.Item name={[name, 'kind']} rules={[{ required: true, message: t('validation.select', { label: t('care.fields.kind') }) }]} style={stacked}>
        <Select<TouchpointKind>
          options={TOUCHPOINT_KINDS.map((k) => ({ value: k, label: t(`care.kinds.${k}`) }))}
          popupMatchSelectWidth={false}
          aria-label={t('care.fields.kind')}
          data-testid={`rule-${name}-kind`}
          onChange={(kind) => {
            const per = form.getFieldValue(['rules', name, 'perYear']) as number;
            if (!perYearChoices(kind).includes(per)) form.setFieldValue(['rules', name, 'perYear'], perYearChoices(kind)[0]);
          }}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={[['rules', name, 'kind']]}>
        {() => {
          const kind = form.getFieldValue(['rules', name, 'kind']) as TouchpointKind | undefined;
          return (
            <Form.Item name={[name, 'perYear']} rules={[{ required: true, message: t('validation.select', { label: t('care.fields.cadence') }) }]} style={cell}>
              <Select<number>
                options={perYearChoices(kind).map((n) => ({ value: n, label: cadenceLabel(t, kind ?? 'contact', n) }))}
                popupMatchSelectWidth={false}
                aria-label={t('care.fields.cadence')}
                data-testid={`rule-${name}-perYear`}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
    </Flex>
  );
}

/** 负责角色 over 方式. */
export function RoleChannelCell({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      <Form.Item name={[name, 'role']} rules={[{ required: true, message: t('validation.select', { label: t('care.fields.role') }) }]} style={stacked}>
        <Select<ProgrammeRole> options={PROGRAMME_ROLES.map((r) => ({ value: r, label: t(`care.roles.${r}`) }))} popupMatchSelectWidth={false} aria-label={t('care.fields.role')} />
      </Form.Item>
      <Form.Item name={[name, 'channel']} rules={[{ required: true, message: t('validation.select', { label: t('care.fields.channel') }) }]} style={cell}>
        <Select<ProgrammeChannel> options={PROGRAMME_CHANNELS.map((c) => ({ value: c, label: t(`care.channels.${c}`) }))} popupMatchSelectWidth={false} aria-label={t('care.fields.channel')} />
      </Form.Item>
    </Flex>
  );
}

/** 适用层级 (empty: every tier) over 适用客户状态. */
export function ScopeCell({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      <Form.Item name={[name, 'tiers']} style={stacked}>
        <Select<Tier[]>
          mode="multiple"
          allowClear
          placeholder={t('care.programmes.allTiers')}
          options={TIERS.map((v) => ({ value: v, label: t(`clients.tiers.${v}`) }))}
          aria-label={t('care.fields.tiers')}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'statuses']}
        rules={[{ required: true, type: 'array', min: 1, message: t('validation.select', { label: t('care.fields.statuses') }) }]}
        style={cell}
      >
        <Select<ClientStatus[]> mode="multiple" options={CLIENT_STATUSES.map((v) => ({ value: v, label: t(`clients.statuses.${v}`) }))} aria-label={t('care.fields.statuses')} />
      </Form.Item>
    </Flex>
  );
}
