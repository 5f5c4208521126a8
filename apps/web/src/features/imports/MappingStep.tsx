import { Alert, Select, Table, Typography, type TableColumnsType } from 'antd';
import { IMPORT_FIELDS, type ImportField } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from './imports.api';

export type Mapping = Record<string, ImportField | null>;

/** Problems with a mapping, in words; empty when it can be sent. */
export function mappingProblems(mapping: Mapping, t: (key: 'imports.nameRequired') => string, dup: (field: string) => string): string[] {
  const used = Object.values(mapping).filter((f): f is ImportField => f !== null);
  const problems: string[] = [];
  if (!used.includes('name')) problems.push(t('imports.nameRequired'));
  const seen = new Set<string>();
  for (const f of used) {
    if (seen.has(f)) problems.push(dup(f));
    seen.add(f);
  }
  return [...new Set(problems)];
}

interface Row {
  header: string;
  index: number;
}

export function MappingStep({ preview, mapping, onChange }: { preview: ImportPreview; mapping: Mapping; onChange: (m: Mapping) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = [
    { title: t('imports.column'), dataIndex: 'header', width: 180, render: (h: string) => <Typography.Text strong>{h}</Typography.Text> },
    {
      title: t('imports.sample'),
      key: 'sample',
      ellipsis: true,
      render: (_, r) => (
        <Typography.Text type="secondary" ellipsis>
          {preview.sampleRows
            .slice(0, 3)
            .map((row) => row[r.index] ?? '')
            .filter(Boolean)
            .join(' ｜ ') || t('common.empty')}
        </Typography.Text>
      ),
    },
    {
      title: t('imports.field'),
      key: 'field',
      width: 220,
      render: (_, r) => (
        <Select<ImportField | 'ignore'>
          value={mapping[r.header] ?? 'ignore'}
          onChange={(v) => onChange({ ...mapping, [r.header]: v === 'ignore' ? null : v })}
          options={[
            { value: 'ignore', label: <Typography.Text type="secondary">{t('imports.ignore')}</Typography.Text> },
            ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.fields.${f}`) })),
          ]}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          data-testid={`import-map-${r.header}`}
        />
      ),
    },
  ];
  return (
    <>
      <Alert type="info" showIcon title={t('imports.mapHint')} style={{ marginBottom: 16 }} />
      <Table<Row>
        className="retainer-table"
        rowKey="header"
        size="small"
        columns={columns}
        dataSource={preview.headers.map((header, index) => ({ header, index }))}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="import-mapping"
      />
    </>
  );
}
