import { Col, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { DeliveryLogCard } from './DeliveryLogCard';
import { EmailSettingsCard } from './EmailSettingsCard';
import { WebhookSettingsCard } from './WebhookSettingsCard';

/** P-10, N-4: email (SMTP) and webhook settings, and the delivery log (admins). */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="notification-settings-page">
      <PageHeader title={t('reminders.title')} subtitle={t('reminders.subtitle')} />
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <EmailSettingsCard />
          </Col>
          <Col xs={24} xl={10}>
            <WebhookSettingsCard />
          </Col>
        </Row>
        <DeliveryLogCard />
      </Flex>
    </div>
  );
}
