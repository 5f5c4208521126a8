import { useState, type KeyboardEvent } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarDay, CalendarYear, CalendarYearStatus, CalendarYearUpdate, Locale } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../app/api/client';
import { nextDay, weekdayName } from './calendarDays';
import { calendarApi, calendarKeys } from './workingDays.api';

type Values = { status: CalendarYearStatus; source: string; days: CalendarDay[] };
type NamePath = (string | number)[];

/** `days.3.date` → ['days', 3, 'date'], the form's own name for that cell. */
const toNamePath = (field: string): NamePath => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Replaces a whole year: rows of date, kind and name; the server's reasons land on their rows. */
export function YearEditor({ year, current, onDone }: { year: number; current: CalendarYear | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    status: current?.status ?? 'official',
    source: current?.source ?? '',
    days: current?.days.map((d) => ({ ...d })) ?? [],
  };

  const save = useMutation({
    mutationFn: (v: Values) => calendarApi.save(year, v satisfies CalendarYearUpdate),
    onSuccess: (saved) => {
      client.setQueryData(calendarKeys.year(year), saved);
      void client.invalidateQueries({ queryKey: calendarKeys.years, exact: true });
      message.success(t('workingDays.saved', { year }));
      onDone();
    },
    onError: (err) => {
      if (err instanceof ApiRequestError && err.status === 400 && err.fieldErrors.length > 0) {
        const byField = new Map<string, string[]>();
        for (const e of err.fieldErrors) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
        form.setFields([...byField].map(([field, errors]) => ({ name: toNamePath(field) as never, errors })));
        form.scrollToField(toNamePath(err.fieldErrors[0]!.field) as never, { block: 'center' });
        message.error(t('workingDays.fixErrors', { count: err.fieldErrors.length }));
        return;
      }
      message.error(err instanceof Error ? err.message : String(err));
    },
  });

  const submit = (v: Values) => {
    const values = { ...v, days: v.days ?? [] };
    modal.confirm({
      title: t('workingDays.saveConfirmTitle', { year }),
      content: t('workingDays.saveConfirmText', { year, count: values.days.length }),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync(values).catch(() => undefined),
    });
  };

  const cancel = () => {
    const changed = JSON.stringify(form.getFieldsValue(true)) !== JSON.stringify(initial);
    if (!changed) return onDone();
    modal.confirm({
      title: t('common.unsavedTitle'),
      content: t('common.unsavedContent'),
      okText: t('common.discard'),
      cancelText: t('common.keepEditing'),
      onOk: onDone,
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={save.isPending} data-testid="year-editor">
      <Card variant="borderless" title={t('workingDays.edit', { year })}>
        <Flex gap={16} wrap>
          <Form.Item name="status" label={t('workingDays.statusLabel')} style={{ width: 160 }}>
            <Select
              options={(['official', 'provisional'] as const).map((s) => ({ value: s, label: t(`workingDays.status.${s}`) }))}
              data-testid="year-status"
            />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('workingDays.source')}
            style={{ flex: 1, minWidth: 280 }}
            rules={[{ required: true, whitespace: true, message: t('workingDays.sourceRequired') }]}
          >
            <Input maxLength={200} placeholder={t('workingDays.sourcePlaceholder')} data-testid="year-source" />
          </Form.Item>
        </Flex>
        <AddRange year={year} form={form} />
        <DayRows year={year} locale={locale} />
        <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
          <Button onClick={cancel} disabled={false}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="year-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Card>
    </Form>
  );
}

function DayRows({ year, locale }: { year: number; locale: Locale }) {
  const { t } = useTranslation();
  const pickerValue = dayjs(`${year}-01-01`);
  return (
    <Form.List name="days">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            scroll={{ x: 720 }}
            data-testid="year-rows"
            columns={[
              { title: '#', key: 'n', width: 48, render: (_, __, i) => <Typography.Text type="secondary">{i + 1}</Typography.Text> },
              {
                title: t('workingDays.date'),
                key: 'date',
                width: 230,
                render: (_, f) => (
                  <Form.Item
                    name={[f.name, 'date']}
                    rules={[{ required: true, message: t('workingDays.dateRequired') }]}
                    getValueProps={(v: string) => ({ value: v ? dayjs(v) : null })}
                    normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}
                    style={{ margin: 0 }}
                  >
                    <DatePicker allowClear={false} defaultPickerValue={pickerValue} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: t('workingDays.weekday'),
                key: 'weekday',
                width: 90,
                render: (_, f) => (
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const date = getFieldValue(['days', f.name, 'date']) as string | undefined;
                      return date ? <Typography.Text type="secondary">{weekdayName(date, locale)}</Typography.Text> : null;
                    }}
                  </Form.Item>
                ),
              },
              {
                title: t('workingDays.kind.holiday') + ' / ' + t('workingDays.kind.workday'),
                key: 'kind',
                width: 170,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'kind']} style={{ margin: 0 }}>
                    <Select options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`workingDays.kind.${k}`) }))} />
                  </Form.Item>
                ),
              },
              {
                title: t('workingDays.name'),
                key: 'name',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('workingDays.nameRequired') }]} style={{ margin: 0 }}>
                    <Input maxLength={40} placeholder={t('workingDays.namePlaceholder')} />
                  </Form.Item>
                ),
              },
              {
                title: '',
                key: 'remove',
                width: 56,
                render: (_, f) => (
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('workingDays.removeRow')} title={t('workingDays.removeRow')} onClick={() => remove(f.name)} />
                ),
              },
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
            <Button icon={<PlusOutlined />} onClick={() => add({ date: '', kind: 'holiday', name: '' })} data-testid="year-add-row">
              {t('workingDays.addRow')}
            </Button>
            <Typography.Text type="secondary">{t('workingDays.rows', { count: fields.length })}</Typography.Text>
          </Flex>
        </>
      )}
    </Form.List>
  );
}

/** Days off from a notice come in runs (1月28日至2月4日): add a run in one go, skipping dates already listed. */
function AddRange({ year, form }: { year: number; form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [name, setName] = useState('');
  const add = () => {
    if (!range || !name.trim()) return;
    const days: CalendarDay[] = form.getFieldValue('days') ?? [];
    const listed = new Set(days.map((d) => d.date));
    const added: CalendarDay[] = [];
    const last = range[1].format('YYYY-MM-DD');
    for (let d = range[0].format('YYYY-MM-DD'); d <= last; d = nextDay(d)) {
      if (!listed.has(d)) added.push({ date: d, kind: 'holiday', name: name.trim() });
    }
    const all = [...days, ...added].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
    form.setFieldValue('days', all);
    setRange(null);
    setName('');
  };
  // Enter here adds the run; it must not submit the whole year (and then confirm it with a second Enter)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} onKeyDown={onKeyDown}>
      <Typography.Text>{t('workingDays.addRange')}</Typography.Text>
      <DatePicker.RangePicker
        value={range}
        onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
        defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-02-01`)]}
      />
      <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('workingDays.rangeName')} maxLength={40} style={{ width: 160 }} />
      <Button onClick={add} disabled={!range || !name.trim()}>
        {t('workingDays.add')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('workingDays.addRangeHint')}
      </Typography.Text>
    </Flex>
  );
}
