import { useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Flex, Modal, Spin, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TouchpointGenerateResult } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { careApi, careKeys } from './care.api';

/** P-4: plan (or re-plan) a year's touchpoints for every client; admins and partners. */
export function GenerateYearButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState<Dayjs>(() => dayjs().add(2, 'month').startOf('year'));
  const run = useMutation({
    mutationFn: (y: number) => careApi.generate(y),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: careKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['clients', 'detail'] });
      message.success(t('care.generate.done', { year: r.year, created: r.created }));
    },
  });
  const close = () => {
    if (run.isPending) return;
    setOpen(false);
    run.reset();
  };
  const result: TouchpointGenerateResult | undefined = run.data;

  return (
    <>
      <Button icon={<ThunderboltOutlined />} onClick={() => setOpen(true)} data-testid="touchpoints-generate">
        {t('care.generate.button')}
      </Button>
      <Modal
        open={open}
        title={t('care.generate.title')}
        onCancel={close}
        closable={!run.isPending}
        mask={{ closable: !run.isPending }}
        destroyOnHidden
        data-testid="generate-modal"
        footer={
          result ? (
            <Button type="primary" onClick={close} data-testid="generate-close">
              {t('common.close')}
            </Button>
          ) : (
            <Flex justify="flex-end" gap={8}>
              <Button onClick={close} disabled={run.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="primary" loading={run.isPending} onClick={() => run.mutate(year.year())} data-testid="generate-confirm">
                {t('care.generate.confirm', { year: year.year() })}
              </Button>
            </Flex>
          )
        }
      >
        {result ? (
          <Flex vertical gap={12} data-testid="generate-result">
            <Alert type="success" showIcon title={t('care.generate.resultTitle', { year: result.year, clients: result.clients })} />
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('care.generate.created')}>{result.created}</Descriptions.Item>
              <Descriptions.Item label={t('care.generate.moved')}>{result.moved}</Descriptions.Item>
              <Descriptions.Item label={t('care.generate.cancelled')}>{result.cancelled}</Descriptions.Item>
              <Descriptions.Item label={t('care.generate.reopened')}>{result.reopened}</Descriptions.Item>
            </Descriptions>
          </Flex>
        ) : (
          <Spin spinning={run.isPending} tip={t('care.generate.running')}>
            <Flex vertical gap={12}>
              <Typography.Paragraph style={{ margin: 0 }}>{t('care.generate.explain')}</Typography.Paragraph>
              <Flex align="center" gap={8}>
                <Typography.Text>{t('care.generate.year')}</Typography.Text>
                <DatePicker picker="year" value={year} allowClear={false} onChange={(v) => v && setYear(v)} data-testid="generate-year" />
              </Flex>
              {run.error ? <Alert type="error" showIcon title={run.error.message} /> : null}
            </Flex>
          </Spin>
        )}
      </Modal>
    </>
  );
}
