import { useState } from 'react';
import { App, Flex, Radio, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { exportDownloadUrl, exportKeys, exportsApi, type ExportFormat } from './exports.api';

function FormatChoice({ onChange }: { onChange: (f: ExportFormat) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<ExportFormat>('xlsx');
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">{t('clients.exportFormat')}</Typography.Text>
      <Radio.Group
        value={value}
        onChange={(e) => {
          setValue(e.target.value as ExportFormat);
          onChange(e.target.value as ExportFormat);
        }}
        options={[
          { value: 'xlsx', label: 'Excel (xlsx)' },
          { value: 'csv', label: 'CSV' },
        ]}
        data-testid="export-format"
      />
    </Flex>
  );
}

/** X-3: export the current list filters after a confirmation that names the count. */
export function useExportClients() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();

  return (query: Record<string, string | number>, count: number) => {
    if (count === 0) {
      message.info(t('clients.exportEmpty'));
      return;
    }
    let format: ExportFormat = 'xlsx';
    modal.confirm({
      title: t('clients.exportTitle', { count }),
      content: (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('clients.exportContent', { count })}</Typography.Paragraph>
          <FormatChoice onChange={(f) => (format = f)} />
        </>
      ),
      okText: t('clients.export'),
      okButtonProps: { 'data-testid': 'confirm-export' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const created = await exportsApi.create(format, query);
          void client.invalidateQueries({ queryKey: exportKeys.all });
          if (created.status === 'ready') {
            message.success(t('clients.exportReady'));
            window.location.assign(exportDownloadUrl(created.id));
          } else {
            message.info({
              content: (
                <span>
                  {t('clients.exportPending')}{' '}
                  <Typography.Link onClick={() => navigate('/clients/exports')}>{t('clients.exportGoTo')}</Typography.Link>
                </span>
              ),
              duration: 6,
            });
          }
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  };
}
