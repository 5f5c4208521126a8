import { useState } from 'react';
import { Button, Card, Col, Flex, Grid, Row, Skeleton } from 'antd';
import type { MyDay, Touchpoint } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSessionUser } from '../../app/auth/session';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { useTouchpointActions } from '../care/useTouchpointActions';
import { RequestsNearBreachCard } from '../requests/RequestsNearBreachCard';
import { useMyDay } from './myDay.api';
import { dayWithWeekday } from './myDayFormat';
import { BriefsSection, CadenceSection, CareDatesSection, PersonnelSection } from './MyDaySections';
import { SectionCard, SectionEmpty } from './SectionCard';
import { TouchpointItem } from './TouchpointItem';

/** P-8 我的工作台: what to do today, for whom — overdue and upcoming touchpoints first. */
export function MyDayPage() {
  const { t, i18n } = useTranslation();
  const me = useSessionUser();
  const day = useMyDay();
  const actions = useTouchpointActions();
  const d = day.data;

  return (
    <div data-testid="my-day-page">
      <PageHeader
        title={t('myDay.title')}
        subtitle={d ? t('myDay.subtitle', { name: me.user.name, date: dayWithWeekday(t, i18n.language, d.today) }) : null}
      />
      {day.error && !d ? <LoadError error={day.error} onRetry={() => void day.refetch()} /> : null}
      {!d && !day.error ? <Loading /> : null}
      {d ? <Sections d={d} meId={me.user.id} onLog={actions.onLog} onSkip={actions.onSkip} /> : null}
      {actions.elements}
    </div>
  );
}

function Loading() {
  return (
    <Row gutter={[16, 16]}>
      {[0, 1].map((i) => (
        <Col key={i} xs={24} xl={i === 0 ? 15 : 9}>
          <Card variant="borderless">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

interface SectionsProps {
  d: MyDay;
  meId: string;
  onLog: (tp: Touchpoint) => void;
  onSkip: (tp: Touchpoint) => void;
}

// a long overdue backlog shows its oldest few first so today's work stays in view
const OVERDUE_FOLDED = 8;

function Sections({ d, meId, onLog, onSkip }: SectionsProps) {
  const { t } = useTranslation();
  const [unfolded, setUnfolded] = useState(false);
  const folded = !unfolded && d.overdue.length > OVERDUE_FOLDED + 2;
  const overdue = folded ? d.overdue.slice(0, OVERDUE_FOLDED) : d.overdue;
  const phone = Grid.useBreakpoint().md === false;
  const item = (tp: Touchpoint) => <TouchpointItem key={tp.id} tp={tp} today={d.today} phone={phone} onLog={onLog} onSkip={onSkip} />;
  const nothingToDo = d.overdueTotal === 0 && d.upcomingTotal === 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Row gutter={[16, 16]}>
          {nothingToDo ? (
            <Col span={24}>
              <SectionCard title={t('myDay.sections.upcoming')} count={0} testId="my-day-upcoming">
                <SectionEmpty text={t('myDay.empty.all')} testId="my-day-all-clear" />
              </SectionCard>
            </Col>
          ) : (
            <>
              <Col span={24}>
                <SectionCard
                  title={t('myDay.sections.overdue')}
                  count={d.overdueTotal}
                  danger
                  more={{ shown: d.overdue.length, total: d.overdueTotal, to: '/touchpoints?status=overdue' }}
                  testId="my-day-overdue"
                >
                  {overdue.length ? overdue.map(item) : <SectionEmpty text={t('myDay.empty.overdue')} />}
                  {folded ? (
                    <Button type="link" block onClick={() => setUnfolded(true)} style={{ marginTop: 8 }} data-testid="my-day-overdue-unfold">
                      {t('myDay.unfold', { count: d.overdue.length - OVERDUE_FOLDED })}
                    </Button>
                  ) : null}
                </SectionCard>
              </Col>
              <Col span={24}>
                <SectionCard
                  title={t('myDay.sections.upcoming')}
                  count={d.upcomingTotal}
                  more={{ shown: d.upcoming.length, total: d.upcomingTotal, to: '/touchpoints' }}
                  testId="my-day-upcoming"
                >
                  {d.upcoming.length ? d.upcoming.map(item) : <SectionEmpty text={t('myDay.empty.upcoming')} />}
                </SectionCard>
              </Col>
            </>
          )}
        </Row>
      </Col>
      <Col xs={24} xl={9}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <SectionCard
              title={t('requests.nearBreach.title')}
              count={d.requests.length}
              danger={d.requests.some((r) => r.slaState === 'breached')}
              testId="my-day-requests"
            >
              <RequestsNearBreachCard items={d.requests} />
              {d.requests.length ? (
                <Flex justify="flex-end" style={{ paddingTop: 8 }}>
                  <Link to="/requests?sla=near_breach" data-testid="my-day-requests-all">
                    {t('requests.nearBreach.viewAll')}
                  </Link>
                </Flex>
              ) : null}
            </SectionCard>
          </Col>
          <Col span={24}>
            <CareDatesSection items={d.careDates} today={d.today} meId={meId} phone={phone} onLog={onLog} />
          </Col>
          <Col span={24}>
            <BriefsSection items={d.briefs} />
          </Col>
          <Col span={24}>
            <PersonnelSection items={d.personnelChanges} />
          </Col>
          <Col span={24}>
            <CadenceSection items={d.cadence} flagged={d.today >= d.cadenceFlagFrom} />
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
