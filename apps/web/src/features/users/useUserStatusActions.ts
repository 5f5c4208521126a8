import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { User } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { teamKeys } from '../teams/teams.api';
import { userKeys, usersApi } from './users.api';

/** 停用/启用 with a confirmation that says what follows (X-5: sessions end at once). */
export function useUserStatusActions() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const client = useQueryClient();

  function confirmToggle(user: User) {
    const deactivating = user.active;
    modal.confirm({
      title: deactivating ? t('users.deactivateTitle', { name: user.name }) : t('users.activateTitle', { name: user.name }),
      content: deactivating ? t('users.deactivateContent') : t('users.activateContent'),
      okText: deactivating ? t('users.deactivate') : t('users.activate'),
      okButtonProps: { danger: deactivating, 'data-testid': 'confirm-status' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const saved = deactivating ? await usersApi.deactivate(user.id) : await usersApi.activate(user.id);
          message.success(deactivating ? t('users.deactivated', { name: saved.name }) : t('users.activated', { name: saved.name }));
          void client.invalidateQueries({ queryKey: userKeys.all });
          void client.invalidateQueries({ queryKey: teamKeys.all });
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  return { confirmToggle };
}
