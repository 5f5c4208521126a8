import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Flex, Input, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { clientKeys, clientsApi, useClientSearch } from './clients.api';
import { GradeTag, KindIcon } from './ClientTags';

const LIMIT = 8;
const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** UI.md global search: `/` focuses it, results as you type, Enter opens the first hit. */
export function GlobalSearch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const found = useClientSearch(q, LIMIT);
  const input = useRef<InputRef>(null);
  const items = q ? (found.data?.items ?? []) : [];

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function open(id: string) {
    setText('');
    input.current?.blur();
    navigate(`/clients/${encodeURIComponent(id)}`);
  }

  // Enter before the debounced results arrive: ask now and open the first hit
  async function openFirst() {
    const term = text.trim();
    if (!term) return;
    const data = await queryClient.fetchQuery({
      queryKey: [...clientKeys.search(term), LIMIT],
      queryFn: ({ signal }) => clientsApi.list({ q: term, limit: LIMIT }, signal),
      staleTime: 30_000,
    });
    const first = data.items[0];
    if (first) open(first.id);
    else navigate(`/clients?q=${encodeURIComponent(term)}`);
  }

  const options = items.map((c) => ({
    value: c.id,
    label: (
      <Flex align="center" gap={8} style={{ minWidth: 0 }} data-testid="global-search-option">
        <KindIcon kind={c.kind} />
        <Flex vertical style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text ellipsis>{c.name}</Typography.Text>
          {c.matchedContact ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {t('search.viaContact', { name: c.matchedContact })}
            </Typography.Text>
          ) : null}
        </Flex>
        <GradeTag grade={c.grade} />
      </Flex>
    ),
  }));
  if (q && found.data && found.data.total > items.length) {
    options.push({
      value: `all:${q}`,
      label: <Typography.Link>{t(found.data.totalCapped ? 'search.seeAllCapped' : 'search.seeAll', { count: found.data.total })}</Typography.Link>,
    });
  }

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(value: string) => {
        if (value.startsWith('all:')) {
          setText('');
          navigate(`/clients?q=${encodeURIComponent(value.slice(4))}`);
        } else open(value);
      }}
      defaultActiveFirstOption
      popupMatchSelectWidth={compact ? 300 : 360}
      notFoundContent={q && found.data && !found.isFetching ? t('search.noResults') : null}
      style={{ width: compact ? '100%' : 300 }}
      data-testid="global-search"
    >
      <Input
        ref={input}
        allowClear
        prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
        suffix={compact ? null : <kbd style={{ fontSize: 11, color: '#8c8c8c', border: '1px solid #d9d9d9', borderRadius: 4, padding: '0 5px' }}>/</kbd>}
        placeholder={t('search.placeholder')}
        aria-label={t('search.shortcut')}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && items.length === 0) void openFirst();
        }}
        data-testid="global-search-input"
      />
    </AutoComplete>
  );
}
