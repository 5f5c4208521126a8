import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Skeleton, Switch, Tabs, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QUESTION_TYPES, REQUIRED_QUESTIONS, type Question, type SurveyTemplate } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors } from '../../components/formErrors';
import { surveyKeys, surveysApi, useSurveyTemplates } from './surveys.api';

/** V-1: admins edit the questionnaires; each save is a new version, sent surveys keep theirs. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useSurveyTemplates();
  const [active, setActive] = useState<string | undefined>();
  if (templates.error && !templates.data) return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;
  return (
    <div data-testid="survey-templates-page">
      <PageHeader title={t('surveys.templates.title')} subtitle={t('surveys.templates.subtitle')} />
      <Card variant="borderless">
        {!templates.data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Tabs
            activeKey={active ?? templates.data[0]?.id}
            onChange={setActive}
            items={templates.data.map((tpl) => ({ key: tpl.id, label: tpl.name, children: <TemplateEditor key={`${tpl.id}-${tpl.version}`} template={tpl} /> }))}
          />
        )}
      </Card>
    </div>
  );
}

type Values = { name: string; intro: string; questions: (Omit<Question, 'help'> & { help?: string | null })[] };

function TemplateEditor({ template }: { template: SurveyTemplate }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const locked = REQUIRED_QUESTIONS[template.kind];
  const save = useMutation({
    mutationFn: (v: Values) =>
      surveysApi.updateTemplate(template.id, {
        name: v.name,
        intro: v.intro ?? '',
        questions: v.questions.map((q) => ({ ...q, help: q.help?.trim() ? q.help.trim() : null, options: q.type === 'single' || q.type === 'multi' ? (q.options ?? []) : [] })),
      }),
    onSuccess: (tpl) => {
      message.success(t('surveys.templates.saved', { version: tpl.version }));
      void queryClient.invalidateQueries({ queryKey: surveyKeys.templates });
    },
    onError: (err) => applyServerErrors(err, form, ['name', 'intro', 'questions'], (text) => message.error(text)),
  });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={template} onFinish={(v) => save.mutate(v)} disabled={save.isPending} data-testid={`template-${template.kind}`}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('surveys.templates.versionNote', { version: template.version, at: formatDateTime(template.updatedAt), by: template.updatedByName ?? t('surveys.templates.shipped') })}
        description={t('surveys.templates.lockedNote', { keys: Object.keys(locked).join('、') })}
      />
      <Form.Item name="name" label={t('surveys.templates.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="intro" label={t('surveys.templates.intro')} rules={[{ max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={12}>
            {fields.map((field, index) => {
              const key = form.getFieldValue(['questions', field.name, 'key']) as string | undefined;
              const isLocked = !!key && key in locked;
              return (
                <Card key={field.key} size="small" title={t('surveys.templates.question', { n: index + 1 })} extra={
                  <Flex gap={4}>
                    <Button size="small" type="text" disabled={index === 0} onClick={() => move(index, index - 1)}>↑</Button>
                    <Button size="small" type="text" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)}>↓</Button>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={isLocked} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Flex>
                }>
                  <Flex gap={12} wrap>
                    <Form.Item name={[field.name, 'key']} label={t('surveys.templates.key')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('surveys.templates.keyRule') }]} style={{ width: 160 }}>
                      <Input disabled={isLocked} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'type']} label={t('surveys.templates.type')} rules={[{ required: true }]} style={{ width: 160 }}>
                      <Select disabled={isLocked} options={QUESTION_TYPES.map((q) => ({ value: q, label: t(`surveys.questionTypes.${q}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'required']} label={t('surveys.templates.required')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[field.name, 'label']} label={t('surveys.templates.label')} rules={[{ required: true, whitespace: true, max: 200 }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'help']} label={t('surveys.templates.help')} rules={[{ max: 300 }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const type = form.getFieldValue(['questions', field.name, 'type']) as string;
                      if (type !== 'single' && type !== 'multi') return null;
                      return <OptionsEditor name={field.name} />;
                    }}
                  </Form.Item>
                </Card>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add({ key: '', type: 'text', label: '', help: null, required: false, options: [] })}>
              {t('surveys.templates.addQuestion')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="template-save">
          {t('surveys.templates.save')}
        </Button>
      </Flex>
    </Form>
  );
}

function OptionsEditor({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[name, 'options']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('surveys.templates.options')}</Typography.Text>
          {fields.map((f) => (
            <Flex key={f.key} gap={8} align="baseline">
              <Form.Item name={[f.name, 'value']} rules={[{ required: true, pattern: /^[a-z0-9_]{1,40}$/, message: t('surveys.templates.keyRule') }]} style={{ width: 140, marginBottom: 8 }}>
                <Input placeholder={t('surveys.templates.optionValue')} />
              </Form.Item>
              <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, max: 60 }]} style={{ flex: 1, marginBottom: 8 }}>
                <Input placeholder={t('surveys.templates.optionLabel')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
            </Flex>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ value: '', label: '' })} style={{ alignSelf: 'flex-start' }}>
            {t('surveys.templates.addOption')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
