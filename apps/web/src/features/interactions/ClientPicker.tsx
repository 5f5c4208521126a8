import { useState } from 'react';
import { Flex, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useClientSearch } from '../clients/clients.api';
import { GradeTag, KindIcon } from '../clients/ClientTags';

interface ClientPickerProps {
  value?: string;
  onChange?: (id: string | undefined, name?: string) => void;
  /** the client already chosen (e.g. the page it was opened from), shown before any search */
  initial?: { id: string; name: string } | null;
  size?: 'large' | 'middle';
  autoFocus?: boolean;
}

/** Search-as-you-type over the clients the user may see (Chinese, pinyin initials). */
export function ClientPicker({ value, onChange, initial, size, autoFocus }: ClientPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(initial ?? null);
  const q = useDebouncedValue(text.trim(), 250);
  const found = useClientSearch(q, 10);
  const hits = q ? (found.data?.items ?? []) : [];

  const options = hits.map((c) => ({
    value: c.id,
    name: c.name,
    label: (
      <Flex align="center" gap={8} style={{ minWidth: 0 }} data-testid="client-picker-option">
        <KindIcon kind={c.kind} />
        <Typography.Text ellipsis style={{ flex: 1 }}>
          {c.name}
        </Typography.Text>
        <GradeTag grade={c.grade} />
      </Flex>
    ),
  }));
  if (chosen && !options.some((o) => o.value === chosen.id)) {
    options.unshift({ value: chosen.id, name: chosen.name, label: <Typography.Text ellipsis>{chosen.name}</Typography.Text> });
  }

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value}
      size={size}
      autoFocus={autoFocus}
      placeholder={t('interactions.clientPlaceholder')}
      options={options}
      optionLabelProp="name"
      notFoundContent={found.isFetching ? <Spin size="small" /> : q ? t('interactions.noClients') : null}
      onChange={(id: string | undefined) => {
        const hit = options.find((o) => o.value === id);
        setChosen(hit ? { id: hit.value, name: hit.name } : null);
        setText('');
        onChange?.(id, hit?.name);
      }}
      allowClear
      style={{ width: '100%' }}
      data-testid="interaction-client"
    />
  );
}

/** A list's client filter: the chosen client's name travels with its id (in the URL) so it shows before any search. */
export function ClientFilter({ clientId, clientName, onChange }: { clientId?: string | null; clientName?: string | null; onChange: (clientId: string | undefined, clientName: string | undefined) => void }) {
  return (
    <ClientPicker
      key={clientId ?? 'none'}
      value={clientId ?? undefined}
      initial={clientId ? { id: clientId, name: clientName ?? clientId } : null}
      onChange={(id, name) => onChange(id, id ? name : undefined)}
    />
  );
}
