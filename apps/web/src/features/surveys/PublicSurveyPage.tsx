import { useState } from 'react';
import { Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiRequestError } from '../../app/api/client';
import { SurveyForm } from './SurveyForm';
import { surveysApi } from './surveys.api';

type Ending = 'thanks' | 'invalid' | 'expired' | 'answered' | 'failed';

function endingOf(err: unknown): Ending {
  if (!(err instanceof ApiRequestError)) return 'failed';
  if (err.status === 404) return 'invalid';
  if (err.status === 410) return 'expired';
  if (err.status === 409) return 'answered';
  return 'failed';
}

/** V-2: the survey a client opens from the personal link; no login, outside the app shell, phone first. */
export function PublicSurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [ending, setEnding] = useState<Ending | null>(null);
  const survey = useQuery({ queryKey: ['public-survey', token], queryFn: ({ signal }) => surveysApi.publicSurvey(token, signal), retry: false, staleTime: Infinity });
  const end = ending ?? (survey.error ? endingOf(survey.error) : null);
  const s = survey.data;

  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f9', padding: '16px 12px 32px', boxSizing: 'border-box' }} data-testid="public-survey">
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginBottom: 12 }}>
          {t('surveys.public.brand')}
        </Typography.Text>
        <Card variant="borderless" styles={{ body: { padding: '20px 16px' } }}>
          {end ? (
            <Result
              status={end === 'thanks' ? 'success' : end === 'answered' ? 'info' : end === 'failed' ? 'error' : 'warning'}
              title={t(`surveys.public.${end}.title`)}
              subTitle={t(`surveys.public.${end}.text`)}
              data-testid={`survey-${end}`}
            />
          ) : !s ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : (
            <Flex vertical gap={16}>
              <div>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-survey-title">
                  {s.title}
                </Typography.Title>
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
                  {t('surveys.public.to', { name: s.contactName ? `${s.clientName} ${s.contactName}` : s.clientName })}
                  {s.matterTitle ? t('surveys.public.matter', { title: s.matterTitle }) : ''}
                </Typography.Text>
              </div>
              {s.intro ? <Typography.Paragraph style={{ margin: 0, color: '#434343' }}>{s.intro}</Typography.Paragraph> : null}
              <SurveyForm
                questions={s.questions}
                submitLabel={t('surveys.public.submit')}
                onSubmit={async (answers) => {
                  await surveysApi.answer(token, answers);
                  setEnding('thanks');
                  window.scrollTo({ top: 0 });
                }}
                onError={(err) => setEnding(endingOf(err))}
              />
            </Flex>
          )}
        </Card>
        <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          {t('surveys.public.privacy')}
        </Typography.Text>
      </div>
    </div>
  );
}
