import { Alert, App, Button, Flex, Form, Input, InputNumber, Switch, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Programme, ProgrammeRuleInput } from '@retainer/shared';
import type { FormListFieldData } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../app/api/client';
import { careApi, careKeys } from './care.api';
import { cadenceLabel } from './careFormat';
import { KindCadenceCell, RoleChannelCell, ScopeCell } from './RuleCells';
import { ruleChanges, type RuleValue } from './programmeDiff';

interface Values {
  rules: RuleValue[];
}

const MAX_RULES = 40;

const NEW_RULE: RuleValue = { kind: 'contact', perYear: 12, role: 'lead_lawyer', channel: 'phone', tiers: [], statuses: ['active'], leadDays: 3, guidance: '', active: true };

/** The rules of one grade as an editable table; Save confirms a summary of the changes first. */
export function ProgrammeEditor({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    rules: programme.rules.map((r) => ({ ...r, tiers: r.tiers ?? [] })),
  };
  const save = useMutation({
    mutationFn: (rules: RuleValue[]) =>
      careApi.saveProgramme(programme.grade, {
        rules: rules.map(
          (r): ProgrammeRuleInput => ({
            ...(r.id ? { id: r.id } : {}),
            tiers: r.tiers.length ? r.tiers : null,
            kind: r.kind,
            perYear: r.perYear,
            role: r.role,
            channel: r.channel,
            guidance: (r.guidance ?? '').trim(),
            leadDays: r.leadDays,
            statuses: r.statuses,
            active: r.active,
          }),
        ),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(careKeys.programme(programme.grade), saved);
      void queryClient.invalidateQueries({ queryKey: careKeys.programmes });
      message.success(t('care.programmes.saved', { grade: programme.grade }));
    },
    onError: (err) => {
      // details name `rules.<i>.<field>`: put each on its cell
      if (err instanceof ApiRequestError) {
        const cells = err.fieldErrors.flatMap((e) => {
          const [head, index, field] = e.field.split('.');
          if (head !== 'rules' || index === undefined || !field) return [];
          return [{ name: ['rules', Number(index), field] as never, errors: [t(`care.programmes.errors.${e.message}`, { defaultValue: e.message })] }];
        });
        if (cells.length) form.setFields(cells);
      }
      message.error(err instanceof Error ? err.message : String(err));
    },
  });

  function confirmSave(v: Values) {
    const changes = ruleChanges(programme, v.rules);
    const line = (r: RuleValue) => `${t(`care.kinds.${r.kind}`)} · ${cadenceLabel(t, r.kind, r.perYear)} · ${t(`care.roles.${r.role}`)} · ${t(`care.channels.${r.channel}`)}`;
    modal.confirm({
      title: t('care.programmes.confirmTitle', { grade: programme.grade }),
      width: 520,
      content: (
        <Flex vertical gap={8} data-testid="programme-confirm">
          <Typography.Text>
            {t('care.programmes.confirmCounts', { total: v.rules.length, active: v.rules.filter((r) => r.active).length, added: changes.added, changed: changes.changed, removed: changes.removed })}
          </Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {v.rules.filter((r) => r.active).map((r, i) => (
              <li key={i}>{line(r)}</li>
            ))}
          </ul>
          <Typography.Text type="secondary">{t('care.programmes.notice')}</Typography.Text>
        </Flex>
      ),
      okText: t('common.save'),
      okButtonProps: { 'data-testid': 'programme-confirm-ok' },
      onOk: () => save.mutateAsync(v.rules).catch(() => undefined),
    });
  }

  return (
    <Form<Values> form={form} initialValues={initial} onFinish={() => confirmSave({ rules: form.getFieldValue('rules') as RuleValue[] })} disabled={save.isPending} data-testid={`programme-form-${programme.grade}`}>
      <Alert type="info" showIcon title={t('care.programmes.notice')} style={{ marginBottom: 16 }} />
      <Form.List
        name="rules"
        rules={[
          {
            validator: async (_, rules: RuleValue[] | undefined) => {
              if ((rules?.length ?? 0) > MAX_RULES) throw new Error(t('care.programmes.tooMany', { max: MAX_RULES }));
            },
          },
        ]}
      >
        {(fields, { add, remove, move }, { errors }) => {
          const columns: TableColumnsType<FormListFieldData> = [
            { key: 'n', title: '#', width: 36, render: (_, f, i) => <Typography.Text type="secondary">{i + 1}</Typography.Text> },
            { key: 'kind', title: `${t('care.fields.kind')} / ${t('care.fields.cadence')}`, width: 185, render: (_, f) => <KindCadenceCell name={f.name} form={form} /> },
            { key: 'role', title: `${t('care.fields.role')} / ${t('care.fields.channel')}`, width: 155, render: (_, f) => <RoleChannelCell name={f.name} /> },
            { key: 'scope', title: `${t('care.fields.tiers')} / ${t('care.fields.statuses')}`, width: 210, render: (_, f) => <ScopeCell name={f.name} /> },
            {
              key: 'leadDays',
              title: t('care.fields.leadDays'),
              width: 100,
              render: (_, f) => (
                <Form.Item name={[f.name, 'leadDays']} rules={[{ required: true, message: t('validation.required', { label: t('care.fields.leadDays') }) }]} style={{ margin: 0 }}>
                  <InputNumber<number> min={0} max={60} precision={0} suffix={t('care.programmes.days')} aria-label={t('care.fields.leadDays')} style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
            {
              key: 'guidance',
              title: t('care.fields.guidance'),
              render: (_, f) => (
                <Form.Item name={[f.name, 'guidance']} rules={[{ max: 1000, message: t('validation.max', { label: t('care.fields.guidance'), max: 1000 }) }]} style={{ margin: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 5 }} placeholder={t('care.programmes.guidancePlaceholder')} aria-label={t('care.fields.guidance')} />
                </Form.Item>
              ),
            },
            {
              key: 'active',
              title: t('care.fields.active'),
              width: 60,
              render: (_, f) => (
                <Form.Item name={[f.name, 'active']} valuePropName="checked" style={{ margin: 0 }}>
                  <Switch size="small" aria-label={t('care.fields.active')} />
                </Form.Item>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 100,
              fixed: 'right',
              render: (_, f, index) => (
                <Flex gap={0}>
                  <Tooltip title={t('care.programmes.moveUp')}>
                    <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('care.programmes.moveUp')} />
                  </Tooltip>
                  <Tooltip title={t('care.programmes.moveDown')}>
                    <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('care.programmes.moveDown')} />
                  </Tooltip>
                  <Tooltip title={t('common.delete')}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} data-testid={`rule-${f.name}-delete`} />
                  </Tooltip>
                </Flex>
              ),
            },
          ];
          return (
            <Flex vertical gap={12}>
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={fields}
                pagination={false}
                scroll={{ x: 1080 }}
                tableLayout="fixed"
                data-testid="programme-rules"
                onRow={(f) => ({ 'data-testid': `rule-row-${f.name}` }) as object}
                locale={{ emptyText: t('care.programmes.noRules') }}
              />
              <Form.ErrorList errors={errors} />
              <Flex justify="space-between" gap={8} wrap>
                <Button icon={<PlusOutlined />} disabled={fields.length >= MAX_RULES} onClick={() => add({ ...NEW_RULE })} data-testid="programme-add-rule">
                  {t('care.programmes.addRule')}
                </Button>
                <Flex gap={8}>
                  <Button onClick={() => form.resetFields()} disabled={save.isPending}>
                    {t('care.programmes.reset')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="programme-save">
                    {t('common.save')}
                  </Button>
                </Flex>
              </Flex>
            </Flex>
          );
        }}
      </Form.List>
    </Form>
  );
}
