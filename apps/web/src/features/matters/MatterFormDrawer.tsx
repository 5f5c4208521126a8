import { useState } from 'react';
import { App, Button, Col, DatePicker, Divider, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FEE_ARRANGEMENTS, MATTER_TYPES, OPPOSING_PARTY_KINDS, type Matter, type MatterType } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../app/auth/session';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { clientKeys, useClientSearch } from '../clients/clients.api';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { firmToday, fromMatter, isFutureDay, MATTER_FORM_FIELDS, toCreate, toMatterFieldErrors, toUpdate, type MatterFormValues } from './matterForm';
import { matterKeys, mattersApi } from './matters.api';

interface MatterFormDrawerProps {
  open: boolean;
  /** null: a new matter */
  matter: Matter | null;
  /** A new matter from a client's page belongs to that client. */
  client?: { id: string; name: string } | null;
  onClose: () => void;
  onSaved?: (matter: Matter) => void;
}

/** Mount with a fresh `key` per opening so the form starts from this matter's values. */
export function MatterFormDrawer({ open, matter, client, onClose, onSaved }: MatterFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useSessionUser();
  const [form] = Form.useForm<MatterFormValues>();
  const type = Form.useWatch('type', form) ?? matter?.type ?? 'litigation';
  const people = usePeopleOptions();
  const leads = people.users.filter((u) => u.role === 'lawyer' || u.role === 'partner').map((u) => ({ value: u.id, label: u.name }));
  if (matter && !leads.some((o) => o.value === matter.leadLawyerId)) leads.push({ value: matter.leadLawyerId, label: matter.leadLawyerName ?? '' });
  const canLead = me.user.role === 'lawyer' || me.user.role === 'partner';
  const initial: MatterFormValues = matter
    ? fromMatter(matter)
    : {
        clientId: client?.id,
        type: 'litigation',
        title: '',
        openedOn: firmToday(),
        leadLawyerId: canLead ? me.user.id : undefined,
        opposingParties: [],
      };

  const mutation = useMutation({
    mutationFn: (values: MatterFormValues) => (matter ? mattersApi.update(matter.id, toUpdate(values, initial)) : mattersApi.create(toCreate(values))),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: matterKeys.all });
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(saved.clientId) });
      message.success(matter ? t('matters.form.updated') : t('matters.form.created', { title: saved.title }));
      onClose();
      onSaved?.(saved);
    },
    onError: (err) => applyServerErrors(toMatterFieldErrors(err), form, MATTER_FORM_FIELDS, (text) => message.error(text)),
  });

  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { label }) });
  const select = (label: string) => ({ required: true, message: t('validation.select', { label }) });
  const max = (label: string, n: number) => ({ max: n, message: t('validation.max', { label, max: n }) });
  const yuan = (name: 'amountInDisputeYuan' | 'agreedFeeYuan', label: string) => (
    <Form.Item name={name} label={label}>
      <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} suffix={t('matters.form.yuan')} data-testid={`matter-form-${name}`} />
    </Form.Item>
  );

  return (
    <FormDrawer<MatterFormValues>
      open={open}
      title={matter ? t('matters.form.editTitle', { title: matter.title }) : t('matters.form.createTitle')}
      form={form}
      initialValues={initial}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
      testId="matter-form"
      width={640}
    >
      {matter ? null : client ? (
        <Form.Item name="clientId" label={t('matters.fields.client')} hidden>
          <Input />
        </Form.Item>
      ) : (
        <Form.Item name="clientId" label={t('matters.fields.client')} rules={[select(t('matters.fields.client'))]}>
          <ClientPicker />
        </Form.Item>
      )}
      {client && !matter ? (
        <Form.Item label={t('matters.fields.client')}>
          <Input value={client.name} disabled data-testid="matter-form-client-fixed" />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item name="type" label={t('matters.fields.type')} rules={[select(t('matters.fields.type'))]}>
            <Select<MatterType> options={MATTER_TYPES.map((v) => ({ value: v, label: t(`matters.types.${v}`) }))} data-testid="matter-form-type" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="leadLawyerId" label={t('matters.fields.leadLawyer')} rules={[select(t('matters.fields.leadLawyer'))]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={people.loading}
              options={leads}
              data-testid="matter-form-leadLawyerId"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('matters.fields.title')} rules={[required(t('matters.fields.title')), max(t('matters.fields.title'), 200)]}>
        <Input autoFocus placeholder={t('matters.form.titlePlaceholder')} data-testid="matter-form-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="caseNumber" label={t('matters.fields.caseNumber')} rules={[max(t('matters.fields.caseNumber'), 100)]}>
            <Input placeholder={t('matters.form.caseNumberPlaceholder')} data-testid="matter-form-caseNumber" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="forum" label={t('matters.fields.forum')} rules={[max(t('matters.fields.forum'), 200)]}>
            <Input placeholder={t('matters.form.forumPlaceholder')} data-testid="matter-form-forum" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="openedOn" label={t('matters.fields.openedOn')} rules={[{ required: true, message: t('validation.select', { label: t('matters.fields.openedOn') }) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={isFutureDay} data-testid="matter-form-openedOn" />
          </Form.Item>
        </Col>
        {type === 'retainer' ? (
          <Col xs={24} sm={12}>
            <Form.Item name="retainerExpiresOn" label={t('matters.fields.retainerExpiresOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="matter-form-retainerExpiresOn" />
            </Form.Item>
          </Col>
        ) : null}
      </Row>

      <Divider titlePlacement="start" plain>
        {t('matters.form.sectionMoney')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>{yuan('amountInDisputeYuan', t('matters.fields.amountInDispute'))}</Col>
        <Col xs={24} sm={12}>
          <Form.Item name="feeArrangement" label={t('matters.fields.feeArrangement')}>
            <Select allowClear options={FEE_ARRANGEMENTS.map((v) => ({ value: v, label: t(`matters.feeArrangements.${v}`) }))} data-testid="matter-form-feeArrangement" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>{yuan('agreedFeeYuan', t('matters.fields.agreedFee'))}</Col>
      </Row>
      {matter ? (
        <Form.Item name="outcome" label={t('matters.fields.outcome')} rules={[max(t('matters.fields.outcome'), 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="matter-form-outcome" />
        </Form.Item>
      ) : (
        <PartiesList />
      )}
    </FormDrawer>
  );
}

/** C-11: who is on the other side, entered with the matter so conflict checks find them. */
function PartiesList() {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('matters.form.sectionParties')}
      </Divider>
      <Form.List name="opposingParties">
        {(items, { add, remove }) => (
          <Flex vertical gap={0}>
            {items.map((item) => (
              <Flex key={item.key} gap={8} align="flex-start">
                <Form.Item name={[item.name, 'kind']} style={{ width: 110, flex: 'none' }}>
                  <Select options={OPPOSING_PARTY_KINDS.map((k) => ({ value: k, label: t(`matters.partyKinds.${k}`) }))} />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'name']}
                  style={{ flex: 1, minWidth: 0 }}
                  rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('matters.form.partyName') }) }]}
                >
                  <Input placeholder={t('matters.form.partyName')} data-testid="matter-form-party-name" />
                </Form.Item>
                <Form.Item name={[item.name, 'idCode']} style={{ flex: 1, minWidth: 0 }}>
                  <Input placeholder={t('matters.form.partyIdCode')} maxLength={40} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('common.delete')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'organisation', name: '' })} data-testid="matter-form-add-party">
              {t('matters.form.addParty')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

/** Search-as-you-type over the clients the user may see. */
function ClientPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const hits = useClientSearch(q, 12);
  const options = (hits.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      loading={hits.isFetching}
      options={options}
      placeholder={t('matters.form.clientPlaceholder')}
      notFoundContent={null}
      data-testid="matter-form-clientId"
    />
  );
}
