import { AutoComplete, Button, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PersonOption } from '../clients/usePeopleOptions';

export interface FollowUpValue {
  title?: string;
  dueOn?: Dayjs | null;
  assigneeId?: string;
}

export interface NeedValue {
  area?: string;
  description?: string;
}

const AREAS = ['contract', 'labour', 'ip', 'corporate', 'compliance', 'disputes', 'tax', 'data'] as const;

interface ExtrasProps {
  large: boolean;
  stacked: boolean;
}

/** I-1 follow-up actions: each row becomes a task with a due date (assignee defaults to me). */
export function FollowUpsField({ large, stacked, people, me }: ExtrasProps & { people: PersonOption[]; me: string }) {
  const { t } = useTranslation();
  const size = large ? 'large' : 'middle';
  return (
    <Form.List name="followUps">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('interactions.followUps')}</Typography.Text>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} vertical={stacked} style={{ padding: stacked ? 12 : 0, background: stacked ? '#fafafa' : undefined, borderRadius: 8 }} data-testid="interaction-followup">
              <Form.Item
                name={[row.name, 'title']}
                rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('interactions.followUpTitle') }) }, { max: 200 }]}
                style={{ flex: 2, marginBottom: 0 }}
              >
                <Input size={size} placeholder={t('interactions.followUpTitle')} aria-label={t('interactions.followUpTitle')} data-testid="interaction-followup-title" />
              </Form.Item>
              <Form.Item
                name={[row.name, 'dueOn']}
                rules={[{ required: true, message: t('validation.select', { label: t('interactions.followUpDue') }) }]}
                style={{ flex: 1, marginBottom: 0 }}
              >
                <DatePicker size={size} placeholder={t('interactions.followUpDue')} style={{ width: '100%' }} inputReadOnly={stacked} data-testid="interaction-followup-due" />
              </Form.Item>
              <Form.Item name={[row.name, 'assigneeId']} style={{ flex: 1, marginBottom: 0, minWidth: 0 }}>
                <Select size={size} showSearch={{ optionFilterProp: 'label' }} options={people} aria-label={t('interactions.followUpAssignee')} />
              </Form.Item>
              <Button size={size} type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('interactions.remove')}>
                {stacked ? t('interactions.remove') : null}
              </Button>
            </Flex>
          ))}
          <Button
            size={size}
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ title: '', dueOn: dayjs().add(3, 'day'), assigneeId: me })}
            data-testid="interaction-add-followup"
          >
            {t('interactions.addFollowUp')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** I-3: needs discovered, as structured items for the client's needs archive. */
export function NeedsField({ large, stacked, seed }: ExtrasProps & { seed: () => string }) {
  const { t } = useTranslation();
  const size = large ? 'large' : 'middle';
  const areaOptions = AREAS.map((a) => ({ value: t(`interactions.needs.areas.${a}`) }));
  return (
    <Form.List name="needs">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.length ? <Typography.Text strong>{t('interactions.needItems')}</Typography.Text> : null}
          {rows.map((row) => (
            <Flex key={row.key} gap={8} vertical={stacked} style={{ padding: stacked ? 12 : 0, background: stacked ? '#fafafa' : undefined, borderRadius: 8 }} data-testid="interaction-need">
              <Form.Item
                name={[row.name, 'area']}
                rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('interactions.needArea') }) }, { max: 50 }]}
                style={{ flex: 1, marginBottom: 0 }}
              >
                <AutoComplete size={size} options={areaOptions} placeholder={t('interactions.needs.areaPlaceholder')} aria-label={t('interactions.needArea')} />
              </Form.Item>
              <Form.Item
                name={[row.name, 'description']}
                rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('interactions.needDescription') }) }, { max: 1000 }]}
                style={{ flex: 2, marginBottom: 0 }}
              >
                <Input size={size} placeholder={t('interactions.needDescription')} aria-label={t('interactions.needDescription')} />
              </Form.Item>
              <Button size={size} type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('interactions.remove')}>
                {stacked ? t('interactions.remove') : null}
              </Button>
            </Flex>
          ))}
          <Button size={size} type="dashed" icon={<PlusOutlined />} onClick={() => add({ area: '', description: seed() })} data-testid="interaction-add-need">
            {t('interactions.addNeed')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
