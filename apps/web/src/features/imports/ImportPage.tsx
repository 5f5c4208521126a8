import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Result, Spin, Steps, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Import, ImportField } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { clientKeys } from '../clients/clients.api';
import { ImportHistory } from './ImportHistory';
import { ImportCounts, ImportErrors, ImportProgress } from './ImportReport';
import { importKeys, importsApi, useImport, type ImportPreview } from './imports.api';
import { MappingStep, mappingProblems, type Mapping } from './MappingStep';

type Step = 'upload' | 'map' | 'dryRun' | 'run' | 'result';
const STEPS: Step[] = ['upload', 'map', 'dryRun', 'run', 'result'];
const STEP_LABELS = {
  upload: 'imports.stepUpload',
  map: 'imports.stepMap',
  dryRun: 'imports.stepDryRun',
  run: 'imports.stepRun',
  result: 'imports.stepResult',
} as const;

const finished = (i: Import | undefined) => i?.status === 'done' || i?.status === 'failed';

/** C-10 import wizard: upload → map columns → dry run report → import with progress → result. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const dryRun = useImport(dryRunId);
  const run = useImport(runId);

  const previewing = useMutation({
    mutationFn: (f: File) => importsApi.preview(f),
    onSuccess: (p, f) => {
      setFile(f);
      setPreview(p);
      setMapping(Object.fromEntries(p.headers.map((h) => [h, p.suggestedMapping[h] ?? null])));
      setStep('map');
    },
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });

  const starting = useMutation({
    mutationFn: (dry: boolean) => {
      if (!file) throw new Error(t('imports.dropTitle'));
      const sent = Object.fromEntries(Object.entries(mapping).filter((e): e is [string, ImportField] => e[1] !== null));
      return importsApi.start(file, sent, dry);
    },
    onSuccess: (item) => {
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      queryClient.setQueryData(importKeys.detail(item.id), item);
      if (item.dryRun) {
        setDryRunId(item.id);
        setStep('dryRun');
      } else {
        setRunId(item.id);
        setStep('run');
      }
    },
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });

  const problems = mappingProblems(mapping, t, (field) =>
    t('imports.duplicateField', { field: t(`imports.fields.${field as ImportField}`) }),
  );
  const current = run.data;
  const shownStep: Step = step === 'run' && finished(current) ? 'result' : step;
  if (shownStep === 'result' && step !== 'result' && current) {
    // the finished import changes what the client list shows
    void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    void queryClient.invalidateQueries({ queryKey: importKeys.all });
    setStep('result');
  }

  function restart() {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setMapping({});
    setDryRunId(null);
    setRunId(null);
  }

  function openPast(item: Import) {
    setFile(null);
    setPreview(null);
    if (item.dryRun) {
      setRunId(null);
      setDryRunId(item.id);
      setStep('dryRun');
    } else {
      setRunId(item.id);
      setStep(finished(item) ? 'result' : 'run');
    }
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  return (
    <div data-testid="import-page">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Steps
            current={STEPS.indexOf(shownStep)}
            items={STEPS.map((s) => ({ title: t(STEP_LABELS[s]) }))}
            size="small"
            style={{ marginBottom: 24 }}
            data-testid="import-steps"
          />
          {shownStep === 'upload' ? (
            <Spin spinning={previewing.isPending} description={t('imports.previewing')}>
              <Upload.Dragger
                accept=".xlsx,.csv"
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  previewing.mutate(f);
                  return false;
                }}
                data-testid="import-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('imports.dropTitle')}</p>
                <p className="ant-upload-hint" style={{ maxWidth: 560, margin: '0 auto', padding: '0 16px' }}>
                  {t('imports.dropHint')}
                </p>
              </Upload.Dragger>
            </Spin>
          ) : null}

          {shownStep === 'map' && preview ? (
            <Flex vertical gap={16}>
              <Typography.Text type="secondary">{t('imports.fileInfo', { name: file?.name ?? '', format: preview.format.toUpperCase() })}</Typography.Text>
              <MappingStep preview={preview} mapping={mapping} onChange={setMapping} />
              {problems.length ? <Alert type="error" showIcon title={problems.join('；')} data-testid="import-mapping-problems" /> : null}
              <Flex justify="space-between" wrap gap={8}>
                <Button onClick={restart}>{t('imports.back')}</Button>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary">{t('imports.dryRunHint')}</Typography.Text>
                  <Button type="primary" disabled={problems.length > 0} loading={starting.isPending} onClick={() => starting.mutate(true)} data-testid="import-dry-run">
                    {t('imports.dryRun')}
                  </Button>
                </Flex>
              </Flex>
            </Flex>
          ) : null}

          {shownStep === 'dryRun' ? (
            <Flex vertical gap={16} data-testid="import-dry-run-report">
              {!dryRun.data || !finished(dryRun.data) ? (
                <>
                  <Typography.Text>{t('imports.dryRunning')}</Typography.Text>
                  {dryRun.data ? <ImportProgress item={dryRun.data} /> : <Spin />}
                </>
              ) : dryRun.data.status === 'failed' ? (
                <Alert type="error" showIcon title={t('imports.failed')} description={dryRun.data.message} />
              ) : (
                <>
                  <Alert
                    type={dryRun.data.errorCount ? 'warning' : 'success'}
                    showIcon
                    title={
                      dryRun.data.errorCount
                        ? t('imports.dryRunErrors', { total: dryRun.data.totalRows, count: dryRun.data.errorCount })
                        : t('imports.dryRunOk', { total: dryRun.data.totalRows })
                    }
                  />
                  <ImportCounts item={dryRun.data} />
                  <ImportErrors item={dryRun.data} />
                </>
              )}
              <Flex justify="space-between" wrap gap={8}>
                <Button onClick={() => (preview ? setStep('map') : restart())}>{t('imports.back')}</Button>
                {file && preview ? (
                  <Button
                    type="primary"
                    disabled={!finished(dryRun.data) || dryRun.data?.status === 'failed' || (dryRun.data?.errorCount ?? 0) >= (dryRun.data?.totalRows ?? 0)}
                    loading={starting.isPending}
                    onClick={() => starting.mutate(false)}
                    data-testid="import-run"
                  >
                    {t('imports.runImport')}
                  </Button>
                ) : null}
              </Flex>
            </Flex>
          ) : null}

          {shownStep === 'run' ? (
            <Flex vertical gap={16}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('imports.running')}
              </Typography.Title>
              {current ? <ImportProgress item={current} /> : <Spin />}
              <Typography.Text type="secondary">{t('imports.leaveHint')}</Typography.Text>
            </Flex>
          ) : null}

          {shownStep === 'result' && current ? (
            <Flex vertical gap={16} data-testid="import-result">
              <Result
                status={current.status === 'failed' ? 'error' : current.errorCount ? 'warning' : 'success'}
                title={current.status === 'failed' ? t('imports.failed') : t('imports.done')}
                subTitle={current.message ?? current.fileName}
                style={{ padding: '8px 0' }}
                extra={[
                  <Button key="list" type="primary" onClick={() => navigate('/clients')}>
                    {t('client.backToList')}
                  </Button>,
                  <Button key="again" onClick={restart}>
                    {t('imports.again')}
                  </Button>,
                ]}
              />
              <ImportCounts item={current} />
              <ImportErrors item={current} />
            </Flex>
          ) : null}
        </Card>
        <ImportHistory onOpen={openPast} />
      </Flex>
    </div>
  );
}
