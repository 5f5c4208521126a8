import { App, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorResults';
import { applyServerErrors } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { ClassificationSettingsCard } from '../classification/ClassificationSettingsCard';
import { settingsApi, settingsKeys, useSettings } from './settings.api';

interface SettingsValues {
  gradeAYuan: number;
  gradeBYuan: number;
  exportApprovalRows: number;
  exportRetentionDays: number;
  viewAlertDistinctClients: number;
  touchpointEscalationDays: number;
}

const toValues = (s: Settings): SettingsValues => ({
  gradeAYuan: s.gradeHourlyRateAFen / 100,
  gradeBYuan: s.gradeHourlyRateBFen / 100,
  exportApprovalRows: s.exportApprovalRows,
  exportRetentionDays: s.exportRetentionDays,
  viewAlertDistinctClients: s.viewAlertDistinctClients,
  touchpointEscalationDays: s.touchpointEscalationDays,
});

/** K-1 grade thresholds (元/小时, stored in fen), X-3 export approval, X-4 leak alert. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <div data-testid="settings-page">
      <PageHeader title={t('firmSettings.title')} subtitle={t('firmSettings.subtitle')} />
      {settings.error && !settings.data ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <SettingsForm settings={settings.data} />
          <ClassificationSettingsCard settings={settings.data} />
        </Flex>
      )}
    </div>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const mutation = useMutation({
    mutationFn: (v: SettingsValues) =>
      settingsApi.update({
        gradeHourlyRateAFen: Math.round(v.gradeAYuan * 100),
        gradeHourlyRateBFen: Math.round(v.gradeBYuan * 100),
        exportApprovalRows: v.exportApprovalRows,
        exportRetentionDays: v.exportRetentionDays,
        viewAlertDistinctClients: v.viewAlertDistinctClients,
        touchpointEscalationDays: v.touchpointEscalationDays,
      }),
    onSuccess: (saved) => {
      client.setQueryData(settingsKeys.all, saved);
      form.resetFields();
      form.setFieldsValue(toValues(saved));
      message.success(t('firmSettings.saved'));
    },
    onError: (err) =>
      applyServerErrors(err, form, ['exportApprovalRows', 'exportRetentionDays', 'viewAlertDistinctClients', 'touchpointEscalationDays'], (text) => message.error(text)),
  });
  const required = (label: string) => ({ required: true, message: t('validation.required', { label }) });

  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      initialValues={toValues(settings)}
      onFinish={(v) => mutation.mutate(v)}
      disabled={mutation.isPending}
      style={{ maxWidth: 880 }}
    >
      <Flex vertical gap={16}>
        <Card variant="borderless" title={t('firmSettings.gradeSection')}>
          <Typography.Paragraph type="secondary">{t('firmSettings.gradeHint')}</Typography.Paragraph>
          <Row gutter={24}>
            <Col xs={24} sm={12}>
              <Form.Item name="gradeAYuan" label={t('firmSettings.gradeA')} rules={[required(t('firmSettings.gradeA'))]}>
                <InputNumber<number> min={0} precision={2} step={100} style={{ width: '100%' }} suffix={t('clientForm.yuanPerHour')} data-testid="settings-grade-a" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="gradeBYuan"
                label={t('firmSettings.gradeB')}
                dependencies={['gradeAYuan']}
                rules={[
                  required(t('firmSettings.gradeB')),
                  ({ getFieldValue }) => ({
                    validator: (_, v?: number) =>
                      v === undefined || v === null || v < (getFieldValue('gradeAYuan') as number)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('firmSettings.gradeOrder'))),
                  }),
                ]}
              >
                <InputNumber<number> min={0} precision={2} step={100} style={{ width: '100%' }} suffix={t('clientForm.yuanPerHour')} data-testid="settings-grade-b" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card variant="borderless" title={t('firmSettings.exportSection')}>
          <Form.Item
            name="exportApprovalRows"
            label={t('firmSettings.exportRows')}
            extra={t('firmSettings.exportRowsHint')}
            rules={[required(t('firmSettings.exportRows'))]}
          >
            <InputNumber<number> min={0} precision={0} step={100} style={{ width: 240 }} suffix={t('firmSettings.rowsSuffix')} data-testid="settings-export-rows" />
          </Form.Item>
          <Form.Item
            name="exportRetentionDays"
            label={t('firmSettings.exportRetention')}
            extra={t('firmSettings.exportRetentionHint')}
            rules={[required(t('firmSettings.exportRetention'))]}
          >
            <InputNumber<number> min={1} max={90} precision={0} style={{ width: 240 }} suffix={t('firmSettings.daysSuffix')} data-testid="settings-export-retention" />
          </Form.Item>
        </Card>
        <Card variant="borderless" title={t('firmSettings.alertSection')}>
          <Form.Item
            name="viewAlertDistinctClients"
            label={t('firmSettings.viewAlert')}
            extra={t('firmSettings.viewAlertHint')}
            rules={[required(t('firmSettings.viewAlert'))]}
          >
            <InputNumber<number> min={1} precision={0} style={{ width: 240 }} suffix={t('firmSettings.clientsSuffix')} data-testid="settings-view-alert" />
          </Form.Item>
        </Card>
        <Card variant="borderless" title={t('firmSettings.careSection')}>
          <Form.Item
            name="touchpointEscalationDays"
            label={t('firmSettings.escalation')}
            extra={t('firmSettings.escalationHint')}
            rules={[required(t('firmSettings.escalation'))]}
          >
            <InputNumber<number> min={1} max={60} precision={0} style={{ width: 240 }} suffix={t('firmSettings.daysSuffix')} data-testid="settings-escalation-days" />
          </Form.Item>
        </Card>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
