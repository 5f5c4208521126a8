import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Tooltip } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedView } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/formErrors';
import { clientKeys, savedViewsApi, useSavedViews, type ClientFilters } from './clients.api';
import { compactFilters, parseFilters } from './useClientFilters';

interface SavedViewsProps {
  filters: ClientFilters;
  onApply: (filters: ClientFilters) => void;
}

/** C-9 saved views: name the current filters, pick one later, delete it. */
export function SavedViews({ filters, onApply }: SavedViewsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const views = useSavedViews();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const current = JSON.stringify(compactFilters(filters));
  const selected = views.data?.find((v) => JSON.stringify(compactFilters(viewFilters(v))) === current)?.id;

  const create = useMutation({
    mutationFn: (name: string) => savedViewsApi.create(name, compactFilters(filters)),
    onSuccess: (view) => {
      void client.invalidateQueries({ queryKey: clientKeys.views });
      message.success(t('clients.viewSaved', { name: view.name }));
      setSaving(false);
    },
    onError: (err) => applyServerErrors(err, form, ['name'], (text) => message.error(text)),
  });

  function confirmDelete(view: SavedView) {
    modal.confirm({
      title: t('clients.deleteViewTitle', { name: view.name }),
      content: t('clients.deleteViewContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-view' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await savedViewsApi.remove(view.id);
          message.success(t('clients.viewDeleted', { name: view.name }));
          void client.invalidateQueries({ queryKey: clientKeys.views });
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  return (
    <Flex gap={8}>
      <Select<string>
        placeholder={t('clients.views')}
        value={selected ?? null}
        loading={views.isLoading}
        style={{ width: 180 }}
        popupMatchSelectWidth={240}
        notFoundContent={t('clients.noViews')}
        onChange={(id) => {
          const view = views.data?.find((v) => v.id === id);
          if (view) onApply(viewFilters(view));
        }}
        options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name, view: v }))}
        optionRender={(option) => (
          <Flex justify="space-between" align="center" gap={8}>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{option.label}</span>
            <Tooltip title={t('common.delete')}>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={(e) => {
                  e.stopPropagation();
                  confirmDelete(option.data.view);
                }}
                data-testid="saved-view-delete"
              />
            </Tooltip>
          </Flex>
        )}
        data-testid="saved-views"
      />
      <Tooltip title={t('clients.saveViewTitle')}>
        <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="saved-view-save">
          {t('clients.saveView')}
        </Button>
      </Tooltip>
      <Modal
        open={saving}
        title={t('clients.saveViewTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setSaving(false)}
        confirmLoading={create.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'saved-view-submit' }}
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => create.mutate(v.name.trim())}>
          <Form.Item
            name="name"
            label={t('clients.viewName')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required', { label: t('clients.viewName') }) },
              { max: 50, message: t('validation.max', { label: t('clients.viewName'), max: 50 }) },
            ]}
          >
            <Input placeholder={t('clients.viewNamePlaceholder')} autoFocus data-testid="saved-view-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

function viewFilters(view: SavedView): ClientFilters {
  return parseFilters((k) => {
    const v = view.query[k];
    return v === undefined || v === null ? null : String(v);
  });
}
