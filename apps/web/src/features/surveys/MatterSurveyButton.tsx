import { useState } from 'react';
import { Button } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { Matter } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { SendSurveyModal } from './SendSurveyModal';

/** M-4: from a closed matter, send the satisfaction survey that is due within 7 days of closing. */
export function MatterSurveyButton({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const canSend = useCan('interactions:log');
  const [open, setOpen] = useState(false);
  if (!canSend || matter.status !== 'closed') return null;
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)} data-testid="matter-send-survey">
        {t('surveys.send.matterButton')}
      </Button>
      <SendSurveyModal open={open} onClose={() => setOpen(false)} client={{ id: matter.clientId, name: matter.clientName }} matter={{ id: matter.id, title: matter.title }} />
    </>
  );
}
