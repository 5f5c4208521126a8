import { App, Button, Card, Col, Flex, Form, InputNumber, Radio, Row, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RFM_MODES, type ClassificationSettings, type Settings } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/formErrors';
import { settingsApi, settingsKeys } from '../settings/settings.api';

const MONEY = ['gradeFeesAFen', 'gradeFeesBFen', 'rfmMonetary5Fen', 'rfmMonetary4Fen', 'rfmMonetary3Fen', 'rfmMonetary2Fen'] as const;
const ROWS = [
  { key: 'r', unit: 'days', fields: ['rfmRecency5Days', 'rfmRecency4Days', 'rfmRecency3Days', 'rfmRecency2Days'] },
  { key: 'f', unit: 'matters', fields: ['rfmFrequency5', 'rfmFrequency4', 'rfmFrequency3', 'rfmFrequency2'] },
  { key: 'm', unit: 'yuan', fields: ['rfmMonetary5Fen', 'rfmMonetary4Fen', 'rfmMonetary3Fen', 'rfmMonetary2Fen'] },
] as const;
const ALL = [...MONEY, ...ROWS[0].fields, ...ROWS[1].fields, 'rfmMode'] as const;

type Values = ClassificationSettings;
const isMoney = (k: string) => (MONEY as readonly string[]).includes(k);

/** K-1 fee thresholds and K-2 RFM thresholds and mode; amounts entered in 元, stored in fen. */
export function ClassificationSettingsCard({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const toForm = (s: Settings) => Object.fromEntries(ALL.map((k) => [k, isMoney(k) ? (s[k] as number) / 100 : s[k]])) as Values;
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      settingsApi.update(Object.fromEntries(ALL.map((k) => [k, isMoney(k) ? Math.round((v[k] as number) * 100) : v[k]])) as Partial<Settings>),
    onSuccess: (saved) => {
      client.setQueryData(settingsKeys.all, saved);
      form.setFieldsValue(toForm(saved));
      message.success(t('classification.settings.saved'));
    },
    onError: (err) => applyServerErrors(err, form, ALL, (text) => message.error(text)),
  });
  // the server checks the same order (400 naming the field); this says it in the reader's language first
  const order = (prev: string | undefined, above: boolean) =>
    prev
      ? [
          ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
            validator: (_: unknown, v?: number | null) => {
              const p = getFieldValue(prev) as number | null;
              if (v == null || p == null || (above ? v > p : v < p)) return Promise.resolve();
              return Promise.reject(new Error(t(above ? 'classification.settings.mustBeAbove' : 'classification.settings.mustBeBelow', { value: p })));
            },
          }),
        ]
      : [];
  const num = (name: string, unit: string, prev?: string, above = false) => (
    <Form.Item
      name={name}
      style={{ marginBottom: 8 }}
      dependencies={prev ? [prev] : []}
      rules={[{ required: true, message: t('validation.required', { label: t('classification.settings.threshold') }) }, ...order(prev, above)]}
    >
      <InputNumber<number> min={0} precision={isMoney(name) ? 2 : 0} style={{ width: '100%' }} suffix={t(`classification.settings.units.${unit as 'days'}`)} />
    </Form.Item>
  );

  return (
    <Card variant="borderless" title={t('classification.settings.title')} style={{ maxWidth: 880 }} data-testid="classification-settings">
      <Form<Values> form={form} layout="vertical" initialValues={toForm(settings)} onFinish={(v) => mutation.mutate(v)} disabled={mutation.isPending}>
        <Typography.Paragraph type="secondary">{t('classification.settings.hint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Typography.Text>{t('classification.settings.feesA')}</Typography.Text>
            {num('gradeFeesAFen', 'yuan')}
          </Col>
          <Col xs={24} sm={12}>
            <Typography.Text>{t('classification.settings.feesB')}</Typography.Text>
            {num('gradeFeesBFen', 'yuan', 'gradeFeesAFen')}
          </Col>
        </Row>
        {ROWS.map((row) => (
          <div key={row.key}>
            <Typography.Text strong>{t(`classification.settings.${row.key}`)}</Typography.Text>
            <Row gutter={12} style={{ marginTop: 4 }}>
              {row.fields.map((f, i) => (
                <Col xs={12} md={6} key={f}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`classification.settings.${row.key}Score`, { score: 5 - i })}
                  </Typography.Text>
                  {num(f, row.unit, i ? row.fields[i - 1] : undefined, row.key === 'r')}
                </Col>
              ))}
            </Row>
          </div>
        ))}
        <Form.Item name="rfmMode" label={t('classification.settings.mode')} extra={t('classification.settings.modeHint')}>
          <Radio.Group optionType="button" options={RFM_MODES.map((m) => ({ value: m, label: t(`classification.settings.modes.${m}`) }))} />
        </Form.Item>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="classification-settings-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
