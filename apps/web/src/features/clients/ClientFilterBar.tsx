import { useState, type CSSProperties, type ReactNode } from 'react';
import { Badge, Button, Flex, Grid, Input, InputNumber, Select } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { CLIENT_KINDS, CLIENT_STATUSES, GRADES, INDUSTRIES, TIERS, type ClientKind, type ClientStatus, type Grade, type Tier } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useTeamOptions } from '../teams/teams.api';
import type { ClientFilters } from './clients.api';
import { isIndustry } from './clientFormat';
import { moreFilterCount } from './useClientFilters';

export interface Option {
  value: string;
  label: string;
}

interface ClientFilterBarProps {
  filters: ClientFilters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (next: ClientFilters) => void;
  ownerOptions: Option[];
  ownersLoading: boolean;
  onClear: (() => void) | null;
  extra?: ReactNode;
}

/** C-9 filters: the few used most in view, the rest under 更多筛选. */
export function ClientFilterBar(props: ClientFilterBarProps) {
  const { filters, search, onSearch, onChange, ownerOptions, ownersLoading, onClear, extra } = props;
  const { t } = useTranslation();
  const teams = useTeamOptions();
  const moreCount = moreFilterCount(filters);
  const [showMore, setShowMore] = useState(moreCount > 0);
  // phones: two filters a row instead of ragged fixed widths
  const phone = Grid.useBreakpoint().md === false;
  const w = (width: number) => (phone ? { flex: '1 1 40%', minWidth: 0 } : { width });
  const set = (patch: Partial<ClientFilters>) => onChange({ ...filters, ...patch });

  return (
    <div style={{ marginBottom: 16 }} data-testid="clients-filters">
      <Flex gap={12} wrap justify="space-between">
        <Flex gap={12} wrap style={{ flex: '1 1 640px', minWidth: 0 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('clients.searchPlaceholder')}
            value={search}
            onChange={(e) => onSearch(e.target.value)}
            style={phone ? { width: '100%' } : { width: 300 }}
            data-testid="clients-search"
          />
          <Select<ClientStatus>
            allowClear
            placeholder={t('clients.allStatuses')}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={CLIENT_STATUSES.map((s) => ({ value: s, label: t(`clients.statuses.${s}`) }))}
            style={w(140)}
            data-testid="clients-filter-status"
          />
          <Select<Grade>
            allowClear
            placeholder={t('clients.allGrades')}
            value={filters.grade}
            onChange={(grade) => set({ grade })}
            options={GRADES.map((g) => ({ value: g, label: t(`clients.grades.${g}`) }))}
            style={w(120)}
            data-testid="clients-filter-grade"
          />
          <Select<ClientKind>
            allowClear
            placeholder={t('clients.allKinds')}
            value={filters.kind}
            onChange={(kind) => set({ kind })}
            options={CLIENT_KINDS.map((k) => ({ value: k, label: t(`clients.kinds.${k}`) }))}
            style={w(130)}
            data-testid="clients-filter-kind"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('clients.allOwners')}
            value={filters.ownerId}
            onChange={(ownerId) => set({ ownerId })}
            options={ownerOptions}
            loading={ownersLoading}
            style={w(180)}
            popupMatchSelectWidth={false}
            data-testid="clients-filter-owner"
          />
          <Badge count={moreCount} size="small" color="#1f4e8c">
            <Button
              icon={<FilterOutlined />}
              type={showMore ? 'primary' : 'default'}
              ghost={showMore}
              onClick={() => setShowMore((v) => !v)}
              data-testid="clients-more-filters"
            >
              {t('clients.moreFilters')}
            </Button>
          </Badge>
          {onClear ? (
            <Button type="link" onClick={onClear} data-testid="clients-clear-filters">
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
      </Flex>
      {showMore ? (
        <Flex gap={12} wrap style={{ marginTop: 12, padding: 12, background: '#fafbfc', borderRadius: 6 }} data-testid="clients-more-panel">
          <Select<Tier>
            allowClear
            placeholder={t('clients.tier')}
            value={filters.tier}
            onChange={(tier) => set({ tier })}
            options={TIERS.map((x) => ({ value: x, label: t(`clients.tiers.${x}`) }))}
            style={w(140)}
            data-testid="clients-filter-tier"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('clients.industry')}
            value={filters.industry}
            onChange={(industry) => set({ industry: isIndustry(industry) ? industry : undefined })}
            options={INDUSTRIES.map((code) => ({ value: code, label: `${code} ${t(`clients.industries.${code}`)}` }))}
            style={w(240)}
            popupMatchSelectWidth={false}
            data-testid="clients-filter-industry"
          />
          <CommitInput
            key={`region-${filters.region ?? ''}`}
            value={filters.region}
            onCommit={(region) => set({ region })}
            placeholder={t('clients.regionPlaceholder')}
            label={t('clients.region')}
            style={w(160)}
            testId="clients-filter-region"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('clients.team')}
            value={filters.teamId}
            onChange={(teamId) => set({ teamId })}
            options={teams.data ?? []}
            loading={teams.isLoading}
            style={w(160)}
            data-testid="clients-filter-team"
          />
          <CommitInput
            key={`tag-${filters.tag ?? ''}`}
            value={filters.tag}
            onCommit={(tag) => set({ tag })}
            placeholder={t('clients.tagPlaceholder')}
            label={t('clients.tag')}
            style={w(150)}
            testId="clients-filter-tag"
          />
          <InputNumber<number>
            min={0}
            max={3650}
            precision={0}
            placeholder={t('clients.noContactDaysPlaceholder')}
            value={filters.noContactDays ?? null}
            onChange={(v) => set({ noContactDays: v ?? undefined })}
            prefix={<span style={{ color: '#8c8c8c' }}>{t('clients.noContactDays')}</span>}
            suffix={t('clients.noContactDaysSuffix')}
            style={w(260)}
            data-testid="clients-filter-no-contact"
          />
        </Flex>
      ) : null}
    </div>
  );
}

interface CommitInputProps {
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  placeholder: string;
  label: string;
  style: CSSProperties;
  testId: string;
}

/** Free-text filter that applies on Enter or leaving the box, not on every key. Remount (key) to reset. */
function CommitInput({ value, onCommit, placeholder, label, style, testId }: CommitInputProps) {
  const [text, setText] = useState(value ?? '');
  const commit = (v: string) => {
    const next = v.trim() || undefined;
    if (next !== value) onCommit(next);
  };
  return (
    <Input
      allowClear
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '') commit('');
      }}
      onPressEnter={() => commit(text)}
      onBlur={() => commit(text)}
      style={style}
      aria-label={label}
      data-testid={testId}
    />
  );
}
