import { App, Alert, Button, Card, Flex, Form, Input, InputNumber, Segmented, Skeleton, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CHECKLIST_MAX_DUE_DAYS, CHECKLIST_MAX_STEPS, MATTER_TYPES, type ChecklistTemplate, type MatterType } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors } from '../../components/formErrors';
import { processApi, processKeys, useChecklistTemplate } from './matterProcess.api';

interface StepValue {
  title: string;
  guidance?: string | null;
  dueDays: number;
}
interface TemplateValues {
  steps: StepValue[];
}

const isMatterType = (v: string | null): v is MatterType => (MATTER_TYPES as readonly string[]).includes(v ?? '');

/** M-3: admins keep one checklist template per matter type; edits apply to matters opened afterwards. */
export function ChecklistTemplatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('type');
  const type: MatterType = isMatterType(asked) ? asked : 'litigation';
  const template = useChecklistTemplate(type);

  return (
    <div data-testid="checklist-templates-page">
      <PageHeader title={t('checklists.templates.title')} subtitle={t('checklists.templates.subtitle')} />
      <Segmented<MatterType>
        value={type}
        onChange={(v) => setParams({ type: v }, { replace: true })}
        options={MATTER_TYPES.map((m) => ({ value: m, label: t(`matters.types.${m}`) }))}
        style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        data-testid="checklist-type-switch"
      />
      {template.error && !template.data ? (
        <LoadError error={template.error} onRetry={() => void template.refetch()} />
      ) : !template.data ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <TemplateEditor key={`${type}-${template.data.updatedAt ?? ''}`} template={template.data} />
      )}
    </div>
  );
}

function TemplateEditor({ template }: { template: ChecklistTemplate }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TemplateValues>();
  const save = useMutation({
    mutationFn: (v: TemplateValues) =>
      processApi.saveTemplate(template.type, {
        steps: v.steps.map((s) => ({ title: s.title.trim(), guidance: s.guidance?.trim() || null, dueDays: s.dueDays })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(processKeys.template(template.type), saved);
      message.success(t('checklists.templates.saved', { type: t(`matters.types.${template.type}`) }));
    },
    onError: (err) => applyServerErrors(err, form, ['steps'], (text) => message.error(text)),
  });
  const initialValues: TemplateValues = { steps: template.steps.map((s) => ({ title: s.title, guidance: s.guidance, dueDays: s.dueDays })) };

  return (
    <Card
      variant="borderless"
      title={t('checklists.templates.stepsOf', { type: t(`matters.types.${template.type}`) })}
      extra={
        template.updatedBy ? (
          <Typography.Text type="secondary">{t('checklists.templates.updated', { name: template.updatedBy.name, at: formatDateTime(template.updatedAt) })}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('checklists.templates.shipped')}</Typography.Text>
        )
      }
    >
      <Alert type="info" showIcon message={t('checklists.templates.hint')} style={{ marginBottom: 16 }} />
      <Form<TemplateValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
        <Form.List
          name="steps"
          rules={[
            {
              validator: async (_, steps: StepValue[] | undefined) => {
                if (!steps?.length) throw new Error(t('checklists.templates.needOne'));
                if (steps.length > CHECKLIST_MAX_STEPS) throw new Error(t('checklists.templates.tooMany', { max: CHECKLIST_MAX_STEPS }));
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" data-testid={`template-step-${index + 1}`}>
                  <Flex gap={12} align="flex-start" wrap>
                    <Typography.Text strong style={{ width: 24, paddingTop: 5 }}>
                      {index + 1}.
                    </Typography.Text>
                    <Flex vertical style={{ flex: '1 1 320px', minWidth: 0 }}>
                      <Flex gap={8} wrap>
                        <Form.Item
                          name={[field.name, 'title']}
                          style={{ flex: '1 1 220px', marginBottom: 8 }}
                          rules={[
                            { required: true, whitespace: true, message: t('validation.required', { label: t('checklists.templates.stepTitle') }) },
                            { max: 100, message: t('validation.max', { label: t('checklists.templates.stepTitle'), max: 100 }) },
                          ]}
                        >
                          <Input placeholder={t('checklists.templates.stepTitle')} aria-label={t('checklists.templates.stepTitle')} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'dueDays']}
                          style={{ marginBottom: 8 }}
                          rules={[{ required: true, message: t('validation.required', { label: t('checklists.templates.dueDays') }) }]}
                        >
                          <InputNumber<number>
                            min={0}
                            max={CHECKLIST_MAX_DUE_DAYS}
                            precision={0}
                            prefix={t('checklists.templates.dueDaysPrefix')}
                            suffix={t('checklists.templates.dueDaysSuffix')}
                            aria-label={t('checklists.templates.dueDays')}
                            style={{ width: 190 }}
                          />
                        </Form.Item>
                      </Flex>
                      <Form.Item name={[field.name, 'guidance']} style={{ marginBottom: 0 }} rules={[{ max: 1000 }]}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('checklists.templates.guidance')} aria-label={t('checklists.templates.guidance')} />
                      </Form.Item>
                    </Flex>
                    <Flex gap={4}>
                      <Tooltip title={t('checklists.templates.moveUp')}>
                        <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('checklists.templates.moveUp')} />
                      </Tooltip>
                      <Tooltip title={t('checklists.templates.moveDown')}>
                        <Button
                          type="text"
                          icon={<ArrowDownOutlined />}
                          disabled={index === fields.length - 1}
                          onClick={() => move(index, index + 1)}
                          aria-label={t('checklists.templates.moveDown')}
                        />
                      </Tooltip>
                      <Tooltip title={t('common.delete')}>
                        <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                      </Tooltip>
                    </Flex>
                  </Flex>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Flex justify="space-between" gap={8} wrap>
                <Button
                  icon={<PlusOutlined />}
                  disabled={fields.length >= CHECKLIST_MAX_STEPS}
                  onClick={() => add({ title: '', guidance: '', dueDays: 0 })}
                  data-testid="template-add-step"
                >
                  {t('checklists.templates.addStep')}
                </Button>
                <Flex gap={8}>
                  <Button onClick={() => form.resetFields()} disabled={save.isPending}>
                    {t('checklists.templates.reset')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="template-save">
                    {t('common.save')}
                  </Button>
                </Flex>
              </Flex>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
