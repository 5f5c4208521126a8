import { useState, type ReactNode } from 'react';
import { App, Button, Empty, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, MailOutlined, PhoneOutlined, PlusOutlined, StarFilled, WechatOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Contact, ContactUnmaskableField } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { LoadError } from '../../components/ErrorResults';
import { TableSkeleton } from '../../components/TableSkeleton';
import { clientKeys } from './clients.api';
import { ContactFormDrawer } from './ContactFormDrawer';
import { contactsApi, useContacts } from './related.api';

const ROLE_COLORS: Record<NonNullable<Contact['decisionRole']>, string> = {
  decision_maker: 'red',
  influencer: 'orange',
  user: 'blue',
  gatekeeper: 'purple',
};

export function ContactsTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canUpdate = useCan('clients:update');
  const contacts = useContacts(clientId);
  const [drawer, setDrawer] = useState<{ open: boolean; contact: Contact | null; key: number }>({ open: false, contact: null, key: 0 });
  const open = (contact: Contact | null) => setDrawer((d) => ({ open: true, contact, key: d.key + 1 }));

  function confirmDelete(contact: Contact) {
    modal.confirm({
      title: t('contacts.deleteTitle', { name: contact.name }),
      content: t('contacts.deleteContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-contact' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await contactsApi.remove(clientId, contact.id);
          message.success(t('contacts.deleted', { name: contact.name }));
          void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  return (
    <div data-testid="client-contacts">
      {canUpdate ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => open(null)} data-testid="contacts-new">
            {t('contacts.new')}
          </Button>
        </Flex>
      ) : null}
      {contacts.error && !contacts.data ? (
        <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : contacts.isPending ? (
        <TableSkeleton />
      ) : (
        (contacts.data ?? []).length === 0 ? (
          <Empty description={t('contacts.empty')} />
        ) : (
          <Flex vertical>
            {(contacts.data ?? []).map((c) => (
              <ContactRow key={c.id} contact={c} canUpdate={canUpdate} onEdit={() => open(c)} onDelete={() => confirmDelete(c)} />
            ))}
          </Flex>
        )
      )}
      <ContactFormDrawer
        key={drawer.key}
        clientId={clientId}
        open={drawer.open}
        contact={drawer.contact}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </div>
  );
}

interface ContactRowProps {
  contact: Contact;
  canUpdate: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** One contact as a compact card: fits the 360 page's centre column and a phone. */
function ContactRow({ contact: c, canUpdate, onEdit, onDelete }: ContactRowProps) {
  const { t } = useTranslation();
  const left = c.status === 'left';
  const secret = (field: ContactUnmaskableField, value: string) =>
    c.masked ? <MaskedValue clientId={c.clientId} contactId={c.id} field={field} masked={value} /> : <ClearValue value={value} />;
  const reach = [
    c.phone ? { key: 'phone', icon: <PhoneOutlined />, text: secret('phone', c.phone) } : null,
    c.email ? { key: 'email', icon: <MailOutlined />, text: secret('email', c.email) } : null,
    c.wechat ? { key: 'wechat', icon: <WechatOutlined />, text: c.wechat } : null,
  ].filter((x) => x !== null);
  return (
    <Flex
      justify="space-between"
      align="flex-start"
      gap={12}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0', opacity: left ? 0.65 : 1 }}
      data-testid={`contact-row-${c.name}`}
    >
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.isPrimary ? (
            <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
              {t('contacts.primary')}
            </Tag>
          ) : null}
          {c.decisionRole ? (
            <Tag color={ROLE_COLORS[c.decisionRole]} style={{ marginInlineEnd: 0 }}>
              {t(`contacts.decisionRoles.${c.decisionRole}`)}
            </Tag>
          ) : null}
          <Tag color={left ? 'default' : 'green'} variant="outlined" style={{ marginInlineEnd: 0 }}>
            {t(`contacts.statuses.${c.status}`)}
          </Tag>
        </Flex>
        {c.department || c.title ? (
          <Typography.Text type="secondary">{[c.department, c.title].filter(Boolean).join(' · ')}</Typography.Text>
        ) : null}
        {reach.length ? (
          <Flex wrap style={{ color: '#595959', fontSize: 13, columnGap: 16, rowGap: 2 }}>
            {reach.map((r) => (
              <span key={r.key} style={{ wordBreak: 'break-all' }}>
                <span style={{ color: '#8c8c8c', marginInlineEnd: 4 }}>{r.icon}</span>
                {r.text}
              </span>
            ))}
          </Flex>
        ) : null}
      </Flex>
      {canUpdate ? (
        <Space size={0} style={{ flex: 'none' }}>
          <Button type="link" size="small" onClick={onEdit} data-testid="contact-edit">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" danger onClick={onDelete} data-testid="contact-delete">
            {t('common.delete')}
          </Button>
        </Space>
      ) : null}
    </Flex>
  );
}

/** A clear phone/email, copyable, in the row's own type size. */
function ClearValue({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text copyable style={{ fontSize: 'inherit', color: 'inherit' }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

interface MaskedValueProps {
  clientId: string;
  contactId: string;
  field: ContactUnmaskableField;
  masked: string;
}

/** a masked phone/email with a logged 查看; the clear value replaces it for as long as the masked one stands. */
function MaskedValue({ clientId, contactId, field, masked }: MaskedValueProps): ReactNode {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [clear, setClear] = useState<{ of: string; value: string | null } | null>(null);
  const [loading, setLoading] = useState(false);

  async function reveal() {
    setLoading(true);
    try {
      const values = await contactsApi.unmask(clientId, contactId, [field]);
      setClear({ of: masked, value: values[field] ?? null });
      message.success(t('client.unmasked'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('client.unmaskFailed'));
    } finally {
      setLoading(false);
    }
  }

  const shown = clear?.of === masked ? clear.value : undefined;
  if (shown !== undefined) {
    return shown ? <ClearValue value={shown} testId={`contact-${field}-clear`} /> : <span>{t('common.empty')}</span>;
  }
  const hint = t(`contacts.unmaskHint.${field}`);
  return (
    <>
      <span data-testid={`contact-${field}-masked`}>{masked}</span>
      <Tooltip title={hint} trigger={['hover', 'focus']}>
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          loading={loading}
          onClick={() => void reveal()}
          aria-label={hint}
          style={{ paddingInline: 4, height: 'auto' }}
          data-testid={`contact-unmask-${field}`}
        >
          {t('client.view')}
        </Button>
      </Tooltip>
    </>
  );
}
