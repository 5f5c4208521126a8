import { Button, Flex, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useTeamOptions } from '../teams/teams.api';

export interface UserFilterValues {
  q: string;
  role?: Role;
  teamId?: string;
  active?: 'true' | 'false';
}

export const EMPTY_USER_FILTERS: UserFilterValues = { q: '' };

export function isFiltered(f: UserFilterValues): boolean {
  return f.q.trim() !== '' || f.role !== undefined || f.teamId !== undefined || f.active !== undefined;
}

interface UserFiltersProps {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

export function UserFilters({ value, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const teams = useTeamOptions();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="users-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('users.searchPlaceholder')}
        value={value.q}
        onChange={(e) => onChange({ ...value, q: e.target.value })}
        style={{ width: 260 }}
        data-testid="users-search"
      />
      <Select<Role>
        allowClear
        placeholder={t('users.allRoles')}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        style={{ width: 160 }}
        data-testid="users-filter-role"
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('users.allTeams')}
        value={value.teamId}
        onChange={(teamId) => onChange({ ...value, teamId })}
        options={teams.data ?? []}
        loading={teams.isLoading}
        style={{ width: 200 }}
        data-testid="users-filter-team"
      />
      <Select<'true' | 'false'>
        allowClear
        placeholder={t('users.allStatuses')}
        value={value.active}
        onChange={(active) => onChange({ ...value, active })}
        options={[
          { value: 'true', label: t('users.statusActive') },
          { value: 'false', label: t('users.statusInactive') },
        ]}
        style={{ width: 140 }}
        data-testid="users-filter-status"
      />
      {isFiltered(value) ? (
        <Button type="link" onClick={() => onChange(EMPTY_USER_FILTERS)}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
