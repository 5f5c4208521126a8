import { App, DatePicker, Form, Input, InputNumber, Select, TimePicker } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { KEY_DATE_DEFAULT_REMIND_DAYS, KEY_DATE_KINDS, KEY_DATE_MAX_REMIND_DAYS, type KeyDate, type KeyDateKind } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { processApi } from './matterProcess.api';

interface KeyDateValues {
  kind: KeyDateKind;
  title: string;
  date: Dayjs;
  time?: Dayjs | null;
  remindDaysBefore: number;
  note?: string;
}

const FIELDS = ['kind', 'title', 'date', 'time', 'remindDaysBefore', 'note'] as const;

/** M-5: add or edit a key date in a drawer; the server's field errors land on the fields. */
export function KeyDateFormDrawer(props: { open: boolean; matterId: string; keyDate: KeyDate | null; onClose: () => void; onSaved: () => void }) {
  const { open, matterId, keyDate, onClose, onSaved } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<KeyDateValues>();
  const mutation = useMutation({
    mutationFn: (v: KeyDateValues) => {
      const body = {
        kind: v.kind,
        title: v.title.trim(),
        date: v.date.format('YYYY-MM-DD'),
        time: v.time ? v.time.format('HH:mm') : null,
        remindDaysBefore: v.remindDaysBefore,
        note: v.note?.trim() || null,
      };
      return keyDate ? processApi.updateKeyDate(keyDate.id, body) : processApi.addKeyDate(matterId, body);
    },
    onSuccess: () => {
      message.success(keyDate ? t('keyDates.updated') : t('keyDates.added'));
      onSaved();
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
  });
  const initialValues: Partial<KeyDateValues> = keyDate
    ? {
        kind: keyDate.kind,
        title: keyDate.title,
        date: dayjs(keyDate.date),
        time: keyDate.time ? dayjs(`2000-01-01T${keyDate.time}`) : null,
        remindDaysBefore: keyDate.remindDaysBefore,
        note: keyDate.note ?? undefined,
      }
    : { kind: 'hearing', remindDaysBefore: KEY_DATE_DEFAULT_REMIND_DAYS };

  return (
    <FormDrawer<KeyDateValues>
      open={open}
      title={keyDate ? t('keyDates.editTitle') : t('keyDates.add')}
      form={form}
      initialValues={initialValues}
      submitting={mutation.isPending}
      onSubmit={(v) => mutation.mutate(v)}
      onClose={onClose}
      testId="key-date-form"
      width={440}
    >
      <Form.Item name="kind" label={t('keyDates.fields.kind')} rules={[{ required: true, message: t('validation.select', { label: t('keyDates.fields.kind') }) }]}>
        <Select
          options={KEY_DATE_KINDS.map((k) => ({ value: k, label: t(`keyDates.kinds.${k}`) }))}
          onChange={(kind: KeyDateKind) => {
            // a blank title takes the kind's name, so the common case needs no typing
            if (!form.getFieldValue('title')) form.setFieldValue('title', t(`keyDates.kinds.${kind}`));
          }}
          data-testid="key-date-form-kind"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('keyDates.fields.title')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { label: t('keyDates.fields.title') }) },
          { max: 200, message: t('validation.max', { label: t('keyDates.fields.title'), max: 200 }) },
        ]}
      >
        <Input autoFocus placeholder={t('keyDates.titlePlaceholder')} data-testid="key-date-form-title" />
      </Form.Item>
      <Form.Item label={t('keyDates.fields.date')} required style={{ marginBottom: 0 }}>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="date" style={{ flex: 3 }} rules={[{ required: true, message: t('validation.select', { label: t('keyDates.fields.date') }) }]}>
            <DatePicker style={{ width: '100%' }} data-testid="key-date-form-date" />
          </Form.Item>
          <Form.Item name="time" style={{ flex: 2 }}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder={t('keyDates.fields.time')} style={{ width: '100%' }} data-testid="key-date-form-time" />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item name="remindDaysBefore" label={t('keyDates.fields.remindDaysBefore')} extra={t('keyDates.remindHint')} rules={[{ required: true }]}>
        <InputNumber<number> min={0} max={KEY_DATE_MAX_REMIND_DAYS} precision={0} suffix={t('keyDates.days')} style={{ width: 160 }} data-testid="key-date-form-remind" />
      </Form.Item>
      <Form.Item name="note" label={t('keyDates.fields.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="key-date-form-note" />
      </Form.Item>
    </FormDrawer>
  );
}
