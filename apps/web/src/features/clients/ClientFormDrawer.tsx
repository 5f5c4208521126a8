import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Segmented, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CLIENT_SOURCES, GENDERS, INDUSTRIES, isValidIdNumber, isValidUscc, type Client, type ClientKind } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../app/auth/session';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { useTeamOptions } from '../teams/teams.api';
import { CalendarDateInput, calendarDateRule } from './CalendarDateInput';
import { CLIENT_FORM_FIELDS, fromClient, toCreate, toFormFieldErrors, toUpdate, type ClientFormValues } from './clientForm';
import { clientKeys, clientsApi } from './clients.api';
import { usePeopleOptions } from './usePeopleOptions';

const PHONE = /^[+0-9][0-9 ()-]{3,38}$/;

interface ClientFormDrawerProps {
  open: boolean;
  /** null: a new client */
  client: Client | null;
  onClose: () => void;
}

/** Mount with a fresh `key` per opening so the form starts from this client's values. */
export function ClientFormDrawer({ open, client, onClose }: ClientFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useSessionUser();
  const [form] = Form.useForm<ClientFormValues>();
  const kind = Form.useWatch('kind', form) ?? client?.kind ?? 'organisation';
  const teams = useTeamOptions();
  const people = usePeopleOptions();
  const isLawyer = me.user.role === 'lawyer';
  const initial: ClientFormValues = client ? fromClient(client) : { kind: 'organisation', name: '', tags: [] };
  const masked = client?.masked ?? false;

  const mutation = useMutation({
    mutationFn: (values: ClientFormValues) =>
      client ? clientsApi.update(client.id, toUpdate(values, initial, masked)) : clientsApi.create(toCreate(values)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
      message.success(client ? t('clientForm.updated', { name: saved.name }) : t('clientForm.created', { name: saved.name }));
      onClose();
    },
    onError: (err) => applyServerErrors(toFormFieldErrors(err), form, CLIENT_FORM_FIELDS, (text) => message.error(text)),
  });

  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { label }) });
  const max = (label: string, n: number) => ({ max: n, message: t('validation.max', { label, max: n }) });
  const maskedHint = masked ? t('clientForm.maskedKeep') : undefined;
  const ownerOptions = people.users.length
    ? people.users.filter((u) => u.role === 'lawyer' || u.role === 'partner').map((u) => ({ value: u.id, label: u.name }))
    : people.options;
  const managerOptions = people.users.filter((u) => u.role === 'client_manager').map((u) => ({ value: u.id, label: u.name }));

  const text = (name: keyof ClientFormValues, label: string, n: number, placeholder?: string) => (
    <Form.Item name={name} label={label} rules={[max(label, n)]}>
      <Input placeholder={placeholder} data-testid={`client-form-${name}`} />
    </Form.Item>
  );

  return (
    <FormDrawer<ClientFormValues>
      open={open}
      title={client ? t('clientForm.editTitle', { name: client.name }) : t('clientForm.createTitle')}
      form={form}
      initialValues={initial}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate({ ...values, kind })}
      onClose={onClose}
      testId="client-form"
      width={680}
    >
      {client ? null : (
        <Form.Item name="kind" label={t('clients.kind')}>
          <Segmented<ClientKind>
            block
            options={[
              { value: 'organisation', label: <span data-testid="client-form-kind-organisation">{t('clients.kinds.organisation')}</span> },
              { value: 'individual', label: <span data-testid="client-form-kind-individual">{t('clients.kinds.individual')}</span> },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('clients.name')} rules={[required(t('clients.name')), max(t('clients.name'), 200)]}>
        <Input
          autoFocus
          placeholder={kind === 'organisation' ? t('clientForm.namePlaceholderOrg') : t('clientForm.namePlaceholderInd')}
          data-testid="client-form-name"
        />
      </Form.Item>
      <Row gutter={16}>
        {kind === 'organisation' ? (
          <Col xs={24} sm={12}>
            <Form.Item
              name="uscc"
              label={t('clients.uscc')}
              extra={maskedHint}
              rules={[{ validator: (_, v?: string) => (!v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error(t('clientForm.invalidUscc')))) }]}
            >
              <Input placeholder="91350100M000100Y43" maxLength={40} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="client-form-uscc" />
            </Form.Item>
          </Col>
        ) : (
          <Col xs={24} sm={12}>
            <Form.Item
              name="idNumber"
              label={t('clientForm.idNumber')}
              extra={maskedHint}
              rules={[{ validator: (_, v?: string) => (!v || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error(t('clientForm.invalidIdNumber')))) }]}
            >
              <Input maxLength={40} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="client-form-idNumber" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="industry" label={t('clients.industry')}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('clientForm.industryPlaceholder')}
              options={INDUSTRIES.map((code) => ({ value: code, label: `${code} ${t(`clients.industries.${code}`)}` }))}
              popupMatchSelectWidth={false}
              data-testid="client-form-industry"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('clients.phone')} extra={maskedHint} rules={[{ pattern: PHONE, message: t('clientForm.invalidPhone') }]}>
            <Input placeholder="0571 8888 6666" data-testid="client-form-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('clients.email')} extra={maskedHint} rules={[{ type: 'email', message: t('validation.email') }]}>
            <Input placeholder="legal@example.com" data-testid="client-form-email" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>{text('region', t('clientForm.region'), 50)}</Col>
        <Col xs={12} sm={8}>{text('city', t('clientForm.city'), 50)}</Col>
        <Col xs={24} sm={8}>
          <Form.Item name="source" label={t('clientForm.source')}>
            <Select allowClear options={CLIENT_SOURCES.map((s) => ({ value: s, label: t(`clients.sources.${s}`) }))} data-testid="client-form-source" />
          </Form.Item>
        </Col>
        <Col span={24}>{text('address', t('clientForm.address'), 300)}</Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {kind === 'organisation' ? t('clientForm.sectionOrganisation') : t('clientForm.sectionIndividual')}
      </Divider>
      {kind === 'organisation' ? (
        <Row gutter={16}>
          <Col xs={24} sm={12}>{text('legalRepresentative', t('clientForm.legalRepresentative'), 50)}</Col>
          <Col xs={24} sm={12}>
            <Form.Item name="registeredCapitalYuan" label={t('clientForm.registeredCapital')}>
              <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} suffix={t('clientForm.yuan')} data-testid="client-form-registeredCapital" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="foundedOn" label={t('clientForm.foundedOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="client-form-foundedOn" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>{text('employeeScale', t('clientForm.employeeScale'), 50)}</Col>
          <Col xs={24} sm={12}>{text('revenueBracket', t('clientForm.revenueBracket'), 50)}</Col>
          <Col xs={24} sm={12}>{text('website', t('clientForm.website'), 300, 'https://')}</Col>
          <Col span={24}>{text('customerGroups', t('clientForm.customerGroups'), 1000)}</Col>
          <Col span={24}>{text('businessPartners', t('clientForm.businessPartners'), 1000)}</Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="gender" label={t('clientForm.gender')}>
              <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`clients.genders.${g}`) }))} data-testid="client-form-gender" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>{text('wechat', t('clientForm.wechat'), 100)}</Col>
          <Col span={24}>
            <Form.Item name="birthday" label={t('clientForm.birthday')} rules={[calendarDateRule(t('calendarDate.incomplete'))]}>
              <CalendarDateInput testId="client-form-birthday" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>{text('employer', t('clientForm.employer'), 200)}</Col>
          <Col xs={24} sm={12}>{text('jobTitle', t('clientForm.jobTitle'), 100)}</Col>
          <Col xs={24} sm={12}>{text('incomeBracket', t('clientForm.incomeBracket'), 50)}</Col>
          <Col xs={24} sm={12}>{text('hobbies', t('clientForm.hobbies'), 500)}</Col>
          <Col span={24}>{text('familySituation', t('clientForm.familySituation'), 500)}</Col>
        </Row>
      )}

      <Divider titlePlacement="start" plain>
        {t('clientForm.sectionService')}
      </Divider>
      <Row gutter={16}>
        {client ? null : (
          <>
            <Col xs={24} sm={12}>
              <Form.Item
                name="ownerId"
                label={t('clients.owner')}
                rules={isLawyer ? [] : [{ required: true, message: t('clientForm.ownerRequired') }]}
              >
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={isLawyer ? t('clientForm.ownerPlaceholder') : undefined}
                  options={ownerOptions}
                  loading={people.loading}
                  data-testid="client-form-owner"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="managerId" label={t('clients.manager')}>
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('clientForm.managerPlaceholder')}
                  options={managerOptions}
                  disabled={!people.complete}
                  data-testid="client-form-manager"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="teamId" label={t('clients.team')}>
                <Select<string>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('clientForm.teamPlaceholder')}
                  options={teams.data ?? []}
                  loading={teams.isLoading}
                  data-testid="client-form-team"
                />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="hourlyRateYuan" label={t('clientForm.hourlyRate')}>
            <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} suffix={t('clientForm.yuanPerHour')} data-testid="client-form-hourlyRate" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>{text('referrerName', t('clientForm.referrerName'), 100)}</Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('clients.tags')}>
            <Select mode="tags" placeholder={t('clientForm.tagsPlaceholder')} tokenSeparators={[',', '，']} open={false} data-testid="client-form-tags" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="potentialNeeds" label={t('clientForm.potentialNeeds')} rules={[max(t('clientForm.potentialNeeds'), 2000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="client-form-potentialNeeds" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="potentialResources" label={t('clientForm.potentialResources')} rules={[max(t('clientForm.potentialResources'), 2000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('clientForm.notes')} rules={[max(t('clientForm.notes'), 5000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="client-form-notes" />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
