import { App, Drawer, Skeleton, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SurveyDetail } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { SurveyForm } from './SurveyForm';
import { surveyKeys, surveysApi } from './surveys.api';
import { clientKeys } from '../clients/clients.api';

/** V-2: the secretary fills in the answers given on a return visit (recorded, not by link). */
export function RecordAnswersDrawer({ surveyId, open, onClose, onDone }: { surveyId: string; open: boolean; onClose: () => void; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const survey = useQuery({
    queryKey: ['surveys', 'detail', surveyId],
    queryFn: ({ signal }) => api.get<SurveyDetail>(`/v1/surveys/${encodeURIComponent(surveyId)}`, undefined, signal),
    enabled: open,
  });
  return (
    <Drawer open={open} onClose={onClose} size={560} destroyOnHidden title={t('surveys.record.title')} data-testid="survey-record">
      {!survey.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('surveys.record.hint', { title: survey.data.title, client: survey.data.clientName })}</Typography.Paragraph>
          <SurveyForm
            questions={survey.data.questions}
            submitLabel={t('surveys.record.submit')}
            onSubmit={async (answers) => {
              await surveysApi.record({ mode: 'recorded', surveyId, answers });
              message.success(t('surveys.record.done'));
              void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
              void queryClient.invalidateQueries({ queryKey: clientKeys.detail(survey.data.clientId) });
              onClose();
              onDone?.();
            }}
            onError={(err) => message.error(err instanceof Error ? err.message : String(err))}
          />
        </>
      )}
    </Drawer>
  );
}
