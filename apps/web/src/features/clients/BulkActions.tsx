import { useState, type Key, type MouseEvent } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Typography, theme, type FormRule, type TableProps } from 'antd';
import { CloseOutlined, SwapOutlined, TagsOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ClientBulk, ClientBulkResponse, ClientListItem } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { clientKeys, clientsApi } from './clients.api';
import { usePeopleOptions } from './usePeopleOptions';

/** `color` mixed into `base` by `share` (0–1), as #rrggbb. */
function tint(color: string, base: string, share: number): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [c, b] = [rgb(color), rgb(base)];
  return `#${c.map((v, i) => Math.round(v * share + b[i]! * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}

/** The brand navy's own palette starts at a grey; light tints of it read as "selected". */
export function useSelectionColors() {
  const { token } = theme.useToken();
  const base = /^#[0-9a-f]{6}$/i.test(token.colorBgContainer) ? token.colorBgContainer : '#ffffff';
  return {
    bar: tint(token.colorPrimary, base, 0.06),
    border: tint(token.colorPrimary, base, 0.25),
    row: tint(token.colorPrimary, base, 0.08),
    rowHover: tint(token.colorPrimary, base, 0.13),
  };
}

/** C-9: rows chosen on the current page; a new page, filter or sort starts empty. */
export function useClientSelection(pageKey: string, clients: ClientListItem[]) {
  const { t } = useTranslation();
  const enabled = useCan('clients:update');
  const [state, setState] = useState<{ key: string; ids: string[] }>({ key: pageKey, ids: [] });
  const onPage = new Set(clients.map((c) => c.id));
  const ids = state.key === pageKey ? state.ids.filter((id) => onPage.has(id)) : [];
  const set = (next: string[]) => setState({ key: pageKey, ids: next });

  const rowSelection: TableProps<ClientListItem>['rowSelection'] = enabled
    ? {
        selectedRowKeys: ids,
        onChange: (keys: Key[]) => set(keys.map(String)),
        fixed: true,
        columnWidth: 48,
        getCheckboxProps: (c) => ({ 'aria-label': t('clientsBulk.selectRow', { name: c.name }) }),
        getTitleCheckboxProps: () => ({ 'aria-label': t('clientsBulk.selectAll') }),
        // a click beside the checkbox must not open the client
        onCell: () => ({ onClick: (e: MouseEvent) => e.stopPropagation() }),
      }
    : undefined;
  return { ids, set, clients, rowSelection };
}
export type ClientSelection = ReturnType<typeof useClientSelection>;

type Dialog = 'addTags' | 'removeTags' | 'transfer' | null;

/** The bar above the table while rows are selected, its forms, the confirmation and the result. */
export function ClientBulkBar({ selection }: { selection: ClientSelection }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colors = useSelectionColors();
  const canTransfer = useCan('clients:transfer');
  const [dialog, setDialog] = useState<Dialog>(null);
  const run = useBulkRunner(selection, () => setDialog(null));
  const count = selection.ids.length;
  if (!count && !dialog) return null;

  const selected = selection.clients.filter((c) => selection.ids.includes(c.id));
  return (
    <>
      {count ? (
        <Flex
          align="center"
          justify="space-between"
          wrap
          gap={8}
          role="region"
          aria-label={t('clientsBulk.selected', { count })}
          data-testid="clients-bulk-bar"
          style={{
            marginBottom: 12,
            padding: '8px 12px',
            background: colors.bar,
            border: `1px solid ${colors.border}`,
            borderRadius: token.borderRadius,
          }}
        >
          <Typography.Text strong data-testid="clients-bulk-count">
            {t('clientsBulk.selected', { count })}
          </Typography.Text>
          <Space wrap size={8}>
            <Button size="small" icon={<TagsOutlined />} onClick={() => setDialog('addTags')} data-testid="clients-bulk-add-tags">
              {t('clientsBulk.addTags')}
            </Button>
            <Button size="small" onClick={() => setDialog('removeTags')} data-testid="clients-bulk-remove-tags">
              {t('clientsBulk.removeTags')}
            </Button>
            {canTransfer ? (
              <Button size="small" icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="clients-bulk-transfer">
                {t('clientsBulk.transfer')}
              </Button>
            ) : null}
            <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => selection.set([])} data-testid="clients-bulk-clear">
              {t('clientsBulk.clear')}
            </Button>
          </Space>
        </Flex>
      ) : null}
      <TagsModal
        mode={dialog === 'addTags' || dialog === 'removeTags' ? dialog : null}
        clients={selected}
        allTags={[...new Set(selection.clients.flatMap((c) => c.tags))]}
        onRun={run}
        onClose={() => setDialog(null)}
      />
      <TransferModal open={dialog === 'transfer'} ids={selection.ids} onRun={run} onClose={() => setDialog(null)} />
    </>
  );
}

type Run = (body: ClientBulk, confirm: { title: string; lines: string[] }) => void;

/** Confirm naming the count, run with the button spinning, then refresh and say what happened. */
function useBulkRunner(selection: ClientSelection, onDone: () => void): Run {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();

  function report(res: ClientBulkResponse, names: Map<string, string>) {
    if (!res.failed) {
      void message.success(t('clientsBulk.doneAll', { count: res.succeeded }));
      return;
    }
    const failures = res.results.flatMap((r) => (r.ok ? [] : [{ id: r.id, name: names.get(r.id) ?? r.id, reason: r.error.message }]));
    modal.warning({
      title: res.succeeded
        ? t('clientsBulk.donePartial', { done: res.succeeded, failed: res.failed })
        : t('clientsBulk.doneNone', { count: res.failed }),
      okText: t('clientsBulk.gotIt'),
      width: 520,
      content: (
        <div data-testid="clients-bulk-result">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('clientsBulk.failedIntro')}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 280, overflowY: 'auto' }}>
            {failures.map((f) => (
              <li key={f.id} data-testid="clients-bulk-failure">
                {t('clientsBulk.failedItem', { name: f.name, reason: f.reason })}
              </li>
            ))}
          </ul>
        </div>
      ),
    });
  }

  return (body, confirm) => {
    // names as shown when the action started: after a transfer the row may be gone
    const names = new Map(selection.clients.map((c) => [c.id, c.name]));
    modal.confirm({
      title: confirm.title,
      content: (
        <Flex vertical gap={4} data-testid="clients-bulk-confirm">
          {[...confirm.lines, t('clientsBulk.confirmEach')].map((line) => (
            <Typography.Text key={line} type={line === confirm.lines[0] ? undefined : 'secondary'}>
              {line}
            </Typography.Text>
          ))}
        </Flex>
      ),
      okText: t('clientsBulk.run'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'clients-bulk-run' },
      // the returned promise keeps the button spinning while the server works through the clients
      onOk: async () => {
        try {
          const res = await clientsApi.bulk(body);
          const failed = new Set(res.results.flatMap((r) => (r.ok ? [] : [r.id])));
          selection.set(body.ids.filter((id) => failed.has(id)));
          void queryClient.invalidateQueries({ queryKey: clientKeys.all });
          onDone();
          report(res, names);
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  };
}

function TagsModal(props: {
  mode: 'addTags' | 'removeTags' | null;
  clients: ClientListItem[];
  allTags: string[];
  onRun: Run;
  onClose: () => void;
}) {
  const { mode, clients, allTags, onRun, onClose } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<{ tags: string[] }>();
  // the suggestions close once a tag is taken, so they never hide the dialog's buttons
  const [listOpen, setListOpen] = useState(false);
  const count = clients.length;
  const adding = mode === 'addTags';
  // removing offers the tags the chosen clients carry; adding, those in use on this page
  const rules: FormRule[] = [
    { required: true, type: 'array', min: 1, message: t('clientsBulk.tagsRequired') },
    { type: 'array', max: 30, message: t('clientsBulk.tooManyTags') },
    {
      validator: async (_, tags: string[] | undefined) => {
        if ((tags ?? []).some((tag) => tag.trim().length > 30)) throw new Error(t('clientsBulk.tagTooLong'));
      },
    },
  ];
  const options = (adding ? allTags : [...new Set(clients.flatMap((c) => c.tags))]).map((tag) => ({ value: tag, label: tag }));

  function submit(values: { tags: string[] }) {
    if (!mode) return;
    const tags = [...new Set(values.tags.map((tag) => tag.trim()).filter(Boolean))];
    const title = adding ? t('clientsBulk.confirmAdd', { count }) : t('clientsBulk.confirmRemove', { count });
    onRun({ action: mode, ids: clients.map((c) => c.id), tags }, { title, lines: [t('clientsBulk.confirmTags', { tags: tags.join(t('clientsBulk.listSeparator')) })] });
  }

  return (
    <Modal
      open={mode !== null}
      title={adding ? t('clientsBulk.addTitle', { count }) : t('clientsBulk.removeTitle', { count })}
      okText={adding ? t('clientsBulk.addTags') : t('clientsBulk.removeTags')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'clients-bulk-tags-submit' }}
      data-testid="clients-bulk-tags-modal"
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="tags" label={t('clientsBulk.tags')} rules={rules}>
          <Select
            mode="tags"
            autoFocus
            open={listOpen}
            onOpenChange={setListOpen}
            onSearch={(text) => text && setListOpen(true)}
            onSelect={() => setListOpen(false)}
            options={options}
            tokenSeparators={[',', '，', '、']}
            placeholder={adding ? t('clientsBulk.tagsPlaceholder') : t('clientsBulk.removePlaceholder')}
            data-testid="clients-bulk-tags"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TransferValues {
  ownerId: string;
  managerId?: string;
  reason: string;
}

function TransferModal({ open, ids, onRun, onClose }: { open: boolean; ids: string[]; onRun: Run; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferValues>();
  const people = usePeopleOptions();
  const count = ids.length;
  const owners = people.users.filter((u) => u.role === 'lawyer' || u.role === 'partner').map((u) => ({ value: u.id, label: u.name }));
  const managers = people.users.filter((u) => u.role === 'client_manager').map((u) => ({ value: u.id, label: u.name }));

  function submit(v: TransferValues) {
    const owner = owners.find((o) => o.value === v.ownerId)?.label ?? v.ownerId;
    const reason = v.reason.trim();
    onRun(
      { action: 'transfer', ids, ownerId: v.ownerId, ...(v.managerId ? { managerId: v.managerId } : {}), reason },
      { title: t('clientsBulk.confirmTransfer', { count, owner }), lines: [t('clientsBulk.confirmReason', { reason })] },
    );
  }

  return (
    <Modal
      open={open}
      title={t('clientsBulk.transferTitle', { count })}
      okText={t('client.transfer')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'clients-bulk-transfer-submit' }}
      data-testid="clients-bulk-transfer-modal"
    >
      <Typography.Paragraph type="secondary">{t('clientsBulk.transferHint')}</Typography.Paragraph>
      <Form<TransferValues> form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="ownerId" label={t('client.transferOwner')} rules={[{ required: true, message: t('clientForm.ownerRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={owners} loading={people.loading} data-testid="clients-bulk-owner" />
        </Form.Item>
        <Form.Item name="managerId" label={t('client.transferManager')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={managers} placeholder={t('clientsBulk.managerKeep')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('client.transferReason')}
          rules={[
            { required: true, whitespace: true, message: t('clientsBulk.reasonRequired') },
            { max: 500, message: t('validation.max', { label: t('client.reason'), max: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('client.reasonPlaceholder')} data-testid="clients-bulk-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
