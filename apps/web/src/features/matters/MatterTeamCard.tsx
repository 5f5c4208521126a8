import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Select, Tag, Typography } from 'antd';
import { BankOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { OPPOSING_PARTY_KINDS, type Matter } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { matterKeys, mattersApi } from './matters.api';

const ROW = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };

/** Saves through `call`, then shows the matter as the server now has it. */
function useMatterWrite(matter: Matter) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    run: async (call: () => Promise<Matter>, done: string) => {
      setBusy(true);
      try {
        queryClient.setQueryData(matterKeys.detail(matter.id), await call());
        message.success(done);
        return true;
      } catch (err) {
        message.error(err instanceof Error ? err.message : String(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** M-1 team: the lead lawyer first; members also see the client. */
export function MembersCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const canWrite = useCan('matters:write');
  const people = usePeopleOptions();
  const write = useMatterWrite(matter);
  const [pick, setPick] = useState<string | undefined>();
  const [role, setRole] = useState<'associate' | 'assistant'>('associate');
  const taken = new Set(matter.members.map((m) => m.userId));
  const options = people.users
    .filter((u) => u.role !== 'secretary' && u.role !== 'admin' && !taken.has(u.id))
    .map((u) => ({ value: u.id, label: u.teamName ? `${u.name} · ${u.teamName}` : u.name }));

  function remove(userId: string, name: string) {
    modal.confirm({
      title: t('matters.members.removeTitle', { name }),
      content: t('matters.members.removeContent'),
      okText: t('matters.members.remove'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-remove-member' },
      cancelText: t('common.cancel'),
      onOk: () => write.run(() => mattersApi.removeMember(matter.id, userId), t('matters.members.removed', { name })),
    });
  }

  return (
    <Card variant="borderless" size="small" title={t('matters.detail.members')} data-testid="matter-members">
      {matter.members.map((m) => (
        <Flex key={m.userId} justify="space-between" align="center" gap={8} style={ROW}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis>
              {m.userName ?? t('common.empty')}
            </Typography.Text>
            <Tag color={m.role === 'lead' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
              {m.role === 'lead' || m.role === 'associate' || m.role === 'assistant' ? t(`matters.memberRoles.${m.role}`) : m.role}
            </Tag>
          </Flex>
          {canWrite && m.role !== 'lead' ? (
            <Button type="link" size="small" danger onClick={() => remove(m.userId, m.userName ?? '')} data-testid="member-remove">
              {t('matters.members.remove')}
            </Button>
          ) : null}
        </Flex>
      ))}
      {canWrite ? (
        <Flex gap={8} style={{ marginTop: 12 }} wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={pick}
            onChange={setPick}
            options={options}
            loading={people.loading}
            placeholder={t('matters.members.pick')}
            style={{ flex: '1 1 160px', minWidth: 0 }}
            data-testid="member-pick"
          />
          <Select
            value={role}
            onChange={setRole}
            options={(['associate', 'assistant'] as const).map((r) => ({ value: r, label: t(`matters.memberRoles.${r}`) }))}
            style={{ width: 110 }}
            aria-label={t('matters.members.role')}
          />
          <Button
            icon={<PlusOutlined />}
            disabled={!pick}
            loading={write.busy}
            onClick={async () => {
              if (pick && (await write.run(() => mattersApi.addMember(matter.id, { userId: pick, role }), t('matters.members.added')))) setPick(undefined);
            }}
            data-testid="member-add"
          >
            {t('matters.members.add')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

/** C-11: the other side, searched by every conflict check. */
export function OpposingPartiesCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const canWrite = useCan('matters:write');
  const write = useMatterWrite(matter);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'person' | 'organisation'>('organisation');

  function remove(id: string, partyName: string) {
    modal.confirm({
      title: t('matters.parties.removeTitle', { name: partyName }),
      content: t('matters.parties.removeContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-remove-party' },
      cancelText: t('common.cancel'),
      onOk: () => write.run(() => mattersApi.removeParty(matter.id, id), t('matters.parties.removed')),
    });
  }

  async function add() {
    if (!name.trim()) return;
    if (await write.run(() => mattersApi.addParty(matter.id, { name: name.trim(), kind }), t('matters.parties.added'))) setName('');
  }

  return (
    <Card variant="borderless" size="small" title={t('matters.detail.parties')} data-testid="matter-parties">
      {matter.opposingParties.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matters.detail.noParties')} style={{ margin: '8px 0' }} />
      ) : (
        matter.opposingParties.map((p) => (
          <Flex key={p.id} justify="space-between" align="center" gap={8} style={ROW}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {p.kind === 'organisation' ? <BankOutlined style={{ color: '#8c8c8c' }} /> : <UserOutlined style={{ color: '#8c8c8c' }} />}
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text style={{ wordBreak: 'break-all' }}>{p.name}</Typography.Text>
                {p.idCode ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.idCode}
                  </Typography.Text>
                ) : null}
              </Flex>
            </Flex>
            {canWrite ? (
              <Button type="link" size="small" danger onClick={() => remove(p.id, p.name)} data-testid="party-remove">
                {t('common.delete')}
              </Button>
            ) : null}
          </Flex>
        ))
      )}
      {canWrite ? (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Select
            value={kind}
            onChange={setKind}
            options={OPPOSING_PARTY_KINDS.map((k) => ({ value: k, label: t(`matters.partyKinds.${k}`) }))}
            style={{ width: 96, flex: 'none' }}
          />
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => void add()}
            placeholder={t('matters.form.partyName')}
            maxLength={200}
            data-testid="party-name"
          />
          <Button icon={<PlusOutlined />} disabled={!name.trim()} loading={write.busy} onClick={() => void add()} data-testid="party-add">
            {t('matters.parties.add')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
