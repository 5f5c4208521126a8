import { App, Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import { COMPLAINT_CAUSES, COMPLAINT_CHANNELS, type ComplaintCause, type ComplaintChannel, type ComplaintDetail, type ComplaintStepBody } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/formErrors';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { useComplaintStep } from './complaints.api';
import { STAGE_STEP, stepName } from './complaintFormat';

interface Values {
  valid?: 'yes' | 'no';
  finding?: string;
  toldAt?: Dayjs;
  toldVia?: ComplaintChannel;
  responsibleUserId?: string;
  cause?: ComplaintCause;
  analysis?: string;
  solution?: string;
  accepted?: 'yes' | 'no';
  note?: string;
  at?: Dayjs;
  rootCause?: string;
  prevention?: string;
  action?: string;
}

const FIELDS = ['valid', 'finding', 'toldAt', 'toldVia', 'responsibleUserId', 'cause', 'analysis', 'solution', 'accepted', 'note', 'at', 'rootCause', 'prevention', 'action'];
const NOBODY = '__nobody__';

function bodyOf(step: number, v: Values): ComplaintStepBody {
  const iso = (d: Dayjs | undefined) => (d ?? dayjs()).toISOString();
  switch (step) {
    case 2:
      return { step: 2, valid: v.valid === 'yes', finding: v.finding!, toldAt: iso(v.toldAt), toldVia: v.toldVia! };
    case 3:
      return { step: 3, responsibleUserId: v.responsibleUserId && v.responsibleUserId !== NOBODY ? v.responsibleUserId : null, cause: v.cause!, analysis: v.analysis! };
    case 4:
      return { step: 4, solution: v.solution!, toldAt: iso(v.toldAt), toldVia: v.toldVia! };
    case 5:
      return { step: 5, accepted: v.accepted === 'yes', note: v.note!, at: iso(v.at) };
    default:
      return { step: 6, rootCause: v.rootCause!, prevention: v.prevention!, action: v.action?.trim() || null };
  }
}

/** the form for the one step allowed next (never a skip). */
export function ComplaintStepForm({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const people = usePeopleOptions(complaint.targetUser ? [{ value: complaint.targetUser.id, label: complaint.targetUser.name }] : []);
  const mutation = useComplaintStep(complaint.id);
  const step = STAGE_STEP[complaint.stage];
  if (step === null) return null;
  const name = stepName(t, step);
  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { label }) });
  const pick = (label: string) => ({ required: true, message: t('validation.select', { label }) });
  const notFuture = {
    validator: (_: unknown, v: Dayjs | undefined) => (v && v.isAfter(dayjs().add(5, 'minute')) ? Promise.reject(new Error(t('complaints.form.future'))) : Promise.resolve()),
  };

  const send = (v: Values) =>
    mutation.mutate(bodyOf(step, v), {
      onSuccess: () => {
        message.success(t('complaints.step.saved', { step: name }));
        form.resetFields();
      },
      onError: (err) => applyServerErrors(err, form, FIELDS, (text) => void message.error(text)),
    });
  const submit = (v: Values) => {
    // UI.md: confirm what changes the course of the complaint
    const invalid = step === 2 && v.valid === 'no';
    const renegotiate = step === 5 && v.accepted === 'no';
    if (!invalid && !renegotiate) return send(v);
    modal.confirm({
      title: t(invalid ? 'complaints.step.confirmInvalidTitle' : 'complaints.step.confirmRenegotiateTitle'),
      content: t(invalid ? 'complaints.step.confirmInvalidContent' : 'complaints.step.confirmRenegotiateContent'),
      okButtonProps: { 'data-testid': 'complaint-step-confirm' },
      onOk: () => send(v),
    });
  };

  const told = (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      <Form.Item name="toldAt" label={t('complaints.step.toldAt')} rules={[pick(t('complaints.step.toldAt')), notFuture]} style={{ flex: '1 1 200px' }}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="toldVia" label={t('complaints.step.toldVia')} rules={[pick(t('complaints.step.toldVia'))]} style={{ flex: '1 1 140px' }}>
        <Select options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))} />
      </Form.Item>
    </div>
  );
  const area = (field: keyof Values, label: string, optional = false) => (
    <Form.Item name={field} label={label} rules={optional ? [{ max: 2000 }] : [required(label), { max: 2000 }]}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`complaint-step-${field}`} />
    </Form.Item>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark
      onFinish={submit}
      disabled={mutation.isPending}
      initialValues={{ toldAt: dayjs(), at: dayjs(), toldVia: 'phone', valid: 'yes', accepted: 'yes' }}
      data-testid={`complaint-step-form-${step}`}
    >
      {step === 2 ? (
        <>
          <Form.Item name="valid" label={t('complaints.step.validity')} rules={[pick(t('complaints.step.validity'))]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'yes', label: t('complaints.step.valid') }, { value: 'no', label: t('complaints.step.invalid') }]} data-testid="complaint-step-valid" />
          </Form.Item>
          {area('finding', t('complaints.step.finding'))}
          {told}
        </>
      ) : null}
      {step === 3 ? (
        <>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item name="responsibleUserId" label={t('complaints.step.responsible')} rules={[pick(t('complaints.step.responsible'))]} style={{ flex: '1 1 200px' }}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={[{ value: NOBODY, label: t('complaints.step.noPerson') }, ...people.options]} loading={people.loading} data-testid="complaint-step-responsible" />
            </Form.Item>
            <Form.Item name="cause" label={t('complaints.fields.cause')} rules={[pick(t('complaints.fields.cause'))]} style={{ flex: '1 1 160px' }}>
              <Select options={COMPLAINT_CAUSES.map((c) => ({ value: c, label: t(`complaints.causes.${c}`) }))} data-testid="complaint-step-cause" />
            </Form.Item>
          </div>
          {area('analysis', t('complaints.step.analysis'))}
        </>
      ) : null}
      {step === 4 ? (
        <>
          {area('solution', t('complaints.step.solution'))}
          {told}
        </>
      ) : null}
      {step === 5 ? (
        <>
          <Form.Item name="accepted" label={t('complaints.step.outcome')} rules={[pick(t('complaints.step.outcome'))]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'yes', label: t('complaints.step.accept') }, { value: 'no', label: t('complaints.step.renegotiate') }]} data-testid="complaint-step-accepted" />
          </Form.Item>
          {area('note', t('complaints.step.note'))}
          <Form.Item name="at" label={t('complaints.step.at')} rules={[pick(t('complaints.step.at')), notFuture]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : null}
      {step === 6 ? (
        <>
          {area('rootCause', t('complaints.step.rootCause'))}
          {area('prevention', t('complaints.step.prevention'))}
          {area('action', t('complaints.step.action'), true)}
        </>
      ) : null}
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="complaint-step-submit">
        {t('complaints.step.submit', { step: name })}
      </Button>
    </Form>
  );
}
