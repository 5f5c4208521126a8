import { Avatar, Card, Col, Descriptions, Flex, Radio, Row, Tag, Typography } from 'antd';
import { LOCALES, type Locale } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../app/auth/session';
import { formatDateTime } from '../../app/format';
import { useLocaleSwitch } from '../../app/i18n/useLocaleSwitch';
import { PageHeader } from '../../components/PageHeader';
import { DigestCard } from '../reminders/DigestCard';
import { CalendarFeedCard } from './CalendarFeedCard';
import { ChangePasswordCard } from './ChangePasswordCard';

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSessionUser();
  const { locale, change, pending } = useLocaleSwitch();
  const dash = t('common.empty');

  return (
    <div data-testid="account-page">
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card title={t('account.profile')} variant="borderless" data-testid="account-profile">
              <Flex align="center" gap={16} style={{ marginBottom: 20 }}>
                <Avatar size={56} style={{ background: '#1f4e8c', fontSize: 24 }}>
                  {user.name.slice(0, 1)}
                </Avatar>
                <div>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {user.name}
                  </Typography.Title>
                  <Tag style={{ marginTop: 6 }}>{t(`roles.${user.role}`)}</Tag>
                </div>
              </Flex>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'email', label: t('account.email'), children: user.email },
                  { key: 'phone', label: t('account.phone'), children: user.phone ?? dash },
                  { key: 'team', label: t('account.team'), children: user.teamName ?? dash },
                  { key: 'lastLogin', label: t('account.lastLogin'), children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : dash },
                ]}
              />
            </Card>
            <Card title={t('account.language')} variant="borderless" data-testid="account-language">
              <Radio.Group
                value={locale}
                disabled={pending}
                onChange={(e) => void change(e.target.value as Locale)}
                options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
                optionType="button"
                buttonStyle="solid"
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('account.languageHelp')}
              </Typography.Paragraph>
            </Card>
            <CalendarFeedCard />
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <ChangePasswordCard />
            <DigestCard />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
