import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Radio, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INTERACTION_KINDS, type Interaction, type InteractionCreate, type InteractionKind, type InteractionUpdate } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan, useSessionUser } from '../../app/auth/session';
import { applyServerErrors } from '../../components/formErrors';
import { clientKeys } from '../clients/clients.api';
import { contactsApi } from '../clients/related.api';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { ClientPicker } from './ClientPicker';
import { FollowUpsField, NeedsField, type FollowUpValue, type NeedValue } from './InteractionExtras';
import { interactionKeys, interactionsApi, useMatterOptions } from './interactions.api';

interface FormValues {
  clientId?: string;
  kind: InteractionKind;
  occurredAt: Dayjs;
  summary: string;
  participantIds: string[];
  contactIds: string[];
  matterId?: string | null;
  needsDiscovered?: string;
  followUps: FollowUpValue[];
  needs: NeedValue[];
}

const FIELDS = ['clientId', 'kind', 'occurredAt', 'summary', 'participantIds', 'contactIds', 'matterId', 'needsDiscovered'];

export interface InteractionDrawerProps {
  open: boolean;
  onClose: () => void;
  /** the client it is logged for (client page); otherwise picked in the form */
  client?: { id: string; name: string } | null;
  /** editing an existing interaction (no follow-ups or needs: those live on as tasks and needs) */
  interaction?: Interaction | null;
  /** a new interaction's kind (default: call) */
  initialKind?: InteractionKind;
  /** P-6: logged from this touchpoint, which the saved interaction completes */
  touchpointId?: string;
  onSaved?: (saved: Interaction) => void;
  /** a line above the form saying what the entry is for (e.g. the touchpoint it completes) */
  notice?: ReactNode;
}

/** I-1 quick entry: a drawer that takes the whole screen on a phone, Enter/Ctrl+Enter saves, Esc closes. */
export function InteractionDrawer({ open, onClose, client, interaction, initialKind, touchpointId, onSaved, notice }: InteractionDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const me = useSessionUser();
  const seesMatters = useCan('matters:read');
  const phone = Grid.useBreakpoint().md === false;
  const size = phone ? 'large' : 'middle';
  const formId = useId();
  const [form] = Form.useForm<FormValues>();
  const fixedClient = interaction ? { id: interaction.clientId, name: interaction.clientName } : (client ?? null);
  const clientId = Form.useWatch('clientId', form) ?? fixedClient?.id;
  const people = usePeopleOptions(interaction?.participants.map((p) => ({ value: p.id, label: p.name })) ?? []);
  const contacts = useQuery({
    queryKey: clientKeys.sub(clientId ?? '', 'contacts'),
    queryFn: ({ signal }) => contactsApi.list(clientId!, signal),
    enabled: !!clientId,
  });
  const matters = useMatterOptions(clientId, seesMatters);

  const initial: Partial<FormValues> = interaction
    ? {
        clientId: interaction.clientId,
        kind: interaction.kind,
        occurredAt: dayjs(interaction.occurredAt),
        summary: interaction.summary,
        participantIds: interaction.participants.map((p) => p.id),
        contactIds: interaction.contacts.map((c) => c.id),
        matterId: interaction.matterId,
        needsDiscovered: interaction.needsDiscovered ?? undefined,
        followUps: [],
        needs: [],
      }
    : { clientId: fixedClient?.id, kind: initialKind ?? 'call', occurredAt: dayjs(), participantIds: [me.user.id], contactIds: [], followUps: [], needs: [] };

  const mutation = useMutation({
    mutationFn: (v: FormValues) => {
      const common = {
        kind: v.kind,
        occurredAt: v.occurredAt.toISOString(),
        summary: v.summary.trim(),
        needsDiscovered: v.needsDiscovered?.trim() || null,
        participantIds: v.participantIds,
        contactIds: v.contactIds ?? [],
        ...(seesMatters ? { matterId: v.matterId ?? null } : {}),
      };
      if (interaction) return interactionsApi.update(interaction.id, common satisfies InteractionUpdate);
      const body: InteractionCreate = {
        ...common,
        clientId: v.clientId!,
        followUps: (v.followUps ?? []).map((f) => ({ title: f.title!.trim(), dueOn: f.dueOn!.format('YYYY-MM-DD'), assigneeId: f.assigneeId ?? me.user.id })),
        needs: (v.needs ?? []).map((n) => ({ area: n.area!.trim(), description: n.description!.trim() })),
        ...(touchpointId ? { touchpointId } : {}),
      };
      return interactionsApi.create(body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: interactionKeys.all });
      void queryClient.invalidateQueries({ queryKey: interactionKeys.tasks });
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(saved.clientId) });
      void queryClient.invalidateQueries({ queryKey: ['clients', 'list'] });
      message.success(interaction ? t('interactions.updated') : t('interactions.saved'));
      onSaved?.(saved);
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
  });

  function requestClose() {
    if (mutation.isPending) return;
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('common.unsavedTitle'),
      content: t('common.unsavedContent'),
      okText: t('common.discard'),
      okButtonProps: { danger: true, 'data-testid': 'discard-changes' },
      cancelText: t('common.keepEditing'),
      onOk: onClose,
    });
  }

  // Ctrl/⌘+Enter saves from anywhere, also from the summary's text area
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  }

  const required = (label: string) => ({ required: true, message: t('validation.required', { label }) });
  const notFuture = {
    validator: (_: unknown, v: Dayjs | undefined) => (v && v.isAfter(dayjs().add(5, 'minute')) ? Promise.reject(new Error(t('interactions.futureTime'))) : Promise.resolve()),
  };

  return (
    <Drawer
      open={open}
      title={interaction ? t('interactions.editTitle') : t('interactions.drawerTitle')}
      size={phone ? '100%' : 640}
      onClose={requestClose}
      destroyOnHidden
      mask={{ closable: true }}
      data-testid="interaction-drawer"
      styles={{ body: { paddingInline: phone ? 16 : 24 } }}
      footer={
        <Flex justify="space-between" align="center" gap={8}>
          {phone ? <span /> : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('interactions.keyboardHint')}</Typography.Text>}
          <Flex gap={8} style={{ flex: phone ? 1 : 'none' }}>
            <Button size={size} onClick={requestClose} disabled={mutation.isPending} style={{ flex: phone ? 1 : 'none' }}>
              {t('common.cancel')}
            </Button>
            <Button size={size} type="primary" htmlType="submit" form={formId} loading={mutation.isPending} style={{ flex: phone ? 2 : 'none' }} data-testid="interaction-submit">
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<FormValues>
        id={formId}
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initial}
        onFinish={(v) => mutation.mutate(v)}
        onKeyDown={onKeyDown}
        disabled={mutation.isPending}
        scrollToFirstError
        size={size}
        onValuesChange={(changed: Partial<FormValues>) => {
          // another client: its contacts and matters are not this one's
          if ('clientId' in changed) form.setFieldsValue({ contactIds: [], matterId: null });
        }}
      >
        {notice ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="interaction-notice" /> : null}
        <Form.Item name="clientId" label={t('interactions.client')} rules={[required(t('interactions.client'))]}>
          {fixedClient ? (
            <Select disabled options={[{ value: fixedClient.id, label: fixedClient.name }]} data-testid="interaction-client-fixed" />
          ) : (
            <ClientPicker size={size} autoFocus={!phone} />
          )}
        </Form.Item>
        <Form.Item name="kind" label={t('interactions.kind')} rules={[required(t('interactions.kind'))]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size={size}
            style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
            options={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kinds.${k}`), style: { borderRadius: 6, borderInlineStartWidth: 1 } }))}
            data-testid="interaction-kind"
          />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('interactions.occurredAt')} rules={[required(t('interactions.occurredAt')), notFuture]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            inputReadOnly={phone}
            style={{ width: '100%' }}
            data-testid="interaction-time"
          />
        </Form.Item>
        <Form.Item name="summary" label={t('interactions.summary')} rules={[{ ...required(t('interactions.summary')), whitespace: true }, { max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('interactions.summaryPlaceholder')} data-testid="interaction-summary" />
        </Form.Item>
        <Form.Item name="participantIds" label={t('interactions.participants')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.select', { label: t('interactions.participants') }) }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={people.options} loading={people.loading} data-testid="interaction-participants" />
        </Form.Item>
        <Form.Item name="contactIds" label={t('interactions.contacts')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!clientId}
            placeholder={clientId ? t('interactions.contactsPlaceholder') : t('interactions.pickClientFirst')}
            notFoundContent={t('interactions.noContacts')}
            loading={contacts.isFetching}
            options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
            data-testid="interaction-contacts"
          />
        </Form.Item>
        {seesMatters ? (
          <Form.Item name="matterId" label={t('interactions.matter')}>
            <Select
              allowClear
              disabled={!clientId}
              placeholder={clientId ? t('interactions.matterPlaceholder') : t('interactions.pickClientFirst')}
              loading={matters.isFetching}
              options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))}
              data-testid="interaction-matter"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="needsDiscovered" label={t('interactions.needsDiscovered')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('interactions.needsDiscoveredPlaceholder')} data-testid="interaction-needs-text" />
        </Form.Item>
        {interaction ? null : (
          <Flex vertical gap={20}>
            <NeedsField large={phone} stacked={phone} seed={() => form.getFieldValue('needsDiscovered') ?? ''} />
            <FollowUpsField large={phone} stacked={phone} people={people.options} me={me.user.id} />
          </Flex>
        )}
      </Form>
    </Drawer>
  );
}
