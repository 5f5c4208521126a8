import { useState, type ReactNode } from 'react';
import { App, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { Client } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { RelativeTime } from '../../components/RelativeTime';
import { clientsApi, type UnmaskableField, type Unmasked } from './clients.api';
import { formatCalendarDate, formatFen, industryLabel, placeLabel } from './clientFormat';

/** The left panel: the client's properties; masked values have a logged 查看. */
export function ClientFieldsPanel({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [unmasked, setUnmasked] = useState<Unmasked>({});
  const [loading, setLoading] = useState<UnmaskableField | null>(null);
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const org = client.kind === 'organisation';

  async function unmask(field: UnmaskableField) {
    setLoading(field);
    try {
      const values = await clientsApi.unmask(client.id, [field]);
      setUnmasked((u) => ({ ...u, ...values }));
      message.success(t('client.unmasked'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('client.unmaskFailed'));
    } finally {
      setLoading(null);
    }
  }

  const secret = (field: UnmaskableField): ReactNode => {
    const shown = unmasked[field];
    const value = shown !== undefined ? shown : client[field];
    if (!value) return dash;
    return (
      <Flex align="center" gap={4} wrap>
        <Typography.Text copyable={shown !== undefined || !client.masked ? { text: value } : false} style={{ wordBreak: 'break-all' }} data-testid={`client-field-${field}`}>
          {value}
        </Typography.Text>
        {client.masked && shown === undefined ? (
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={loading === field}
            onClick={() => void unmask(field)}
            style={{ paddingInline: 4 }}
            data-testid={`client-unmask-${field}`}
          >
            {t('client.view')}
          </Button>
        ) : null}
      </Flex>
    );
  };
  const plain = (v: string | null | undefined): ReactNode => (v ? <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v}</span> : dash);

  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'kind', label: t('clients.kind'), children: t(`clients.kinds.${client.kind}`) },
    ...(org
      ? [
          { key: 'uscc', label: t('clients.uscc'), children: secret('uscc') },
          { key: 'legalRepresentative', label: t('clientForm.legalRepresentative'), children: plain(client.legalRepresentative) },
          { key: 'registeredCapital', label: t('clientForm.registeredCapital'), children: client.registeredCapitalFen === null ? dash : formatFen(client.registeredCapitalFen) },
          { key: 'foundedOn', label: t('clientForm.foundedOn'), children: client.foundedOn ? formatDate(client.foundedOn) : dash },
        ]
      : [
          { key: 'idNumber', label: t('clientForm.idNumber'), children: secret('idNumber') },
          { key: 'gender', label: t('clientForm.gender'), children: client.gender ? t(`clients.genders.${client.gender}`) : dash },
          { key: 'birthday', label: t('clientForm.birthday'), children: client.birthday ? formatCalendarDate(t, i18n.language, client.birthday) : dash },
          { key: 'employer', label: t('clientForm.employer'), children: plain(client.employer) },
          { key: 'jobTitle', label: t('clientForm.jobTitle'), children: plain(client.jobTitle) },
        ]),
    { key: 'industry', label: t('clients.industry'), children: industryLabel(t, client.industry) ?? dash },
    { key: 'region', label: t('clients.region'), children: placeLabel(client.region, client.city) || dash },
    { key: 'address', label: t('clientForm.address'), children: plain(client.address) },
    { key: 'phone', label: t('clients.phone'), children: secret('phone') },
    { key: 'email', label: t('clients.email'), children: secret('email') },
    ...(org ? [] : [{ key: 'wechat', label: t('clientForm.wechat'), children: plain(client.wechat) }]),
    { key: 'source', label: t('clientForm.source'), children: client.source ? t(`clients.sources.${client.source}`) : dash },
    {
      key: 'hourlyRate',
      label: t('clientForm.hourlyRate'),
      children: client.hourlyRateFen === null ? dash : t('clientForm.perHour', { amount: formatFen(client.hourlyRateFen) }),
    },
    {
      key: 'tags',
      label: t('clients.tags'),
      children: client.tags.length ? (
        <Flex gap={4} wrap>
          {client.tags.map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ) : (
        dash
      ),
    },
    {
      key: 'lastContact',
      label: t('clients.lastContact'),
      children: client.lastContactAt ? <RelativeTime iso={client.lastContactAt} /> : <Typography.Text type="secondary">{t('clients.neverContacted')}</Typography.Text>,
    },
    ...(org
      ? [
          { key: 'employeeScale', label: t('clientForm.employeeScale'), children: plain(client.employeeScale) },
          { key: 'revenueBracket', label: t('clientForm.revenueBracket'), children: plain(client.revenueBracket) },
          { key: 'website', label: t('clientForm.website'), children: plain(client.website) },
          { key: 'customerGroups', label: t('clientForm.customerGroups'), children: plain(client.customerGroups) },
          { key: 'businessPartners', label: t('clientForm.businessPartners'), children: plain(client.businessPartners) },
        ]
      : [
          { key: 'hobbies', label: t('clientForm.hobbies'), children: plain(client.hobbies) },
          { key: 'familySituation', label: t('clientForm.familySituation'), children: plain(client.familySituation) },
          { key: 'incomeBracket', label: t('clientForm.incomeBracket'), children: plain(client.incomeBracket) },
        ]),
    { key: 'potentialNeeds', label: t('clientForm.potentialNeeds'), children: plain(client.potentialNeeds) },
    { key: 'potentialResources', label: t('clientForm.potentialResources'), children: plain(client.potentialResources) },
    { key: 'notes', label: t('clientForm.notes'), children: plain(client.notes) },
    { key: 'createdAt', label: t('clients.createdAt'), children: formatDate(client.createdAt) },
    { key: 'updatedAt', label: t('clients.updatedAt'), children: formatDate(client.updatedAt) },
  ];

  return (
    <Card variant="borderless" title={t('client.fields')} size="small" styles={{ body: { padding: '8px 16px 12px' } }} data-testid="client-fields">
      <Descriptions
        column={1}
        size="small"
        colon={false}
        items={items}
        styles={{ label: { width: 128, whiteSpace: i18n.language === 'en-US' ? 'normal' : 'nowrap', color: '#8c8c8c', paddingBottom: 8 }, content: { paddingBottom: 8, minWidth: 0 } }}
      />
    </Card>
  );
}
