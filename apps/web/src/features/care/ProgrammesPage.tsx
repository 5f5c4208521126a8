import { Card, Skeleton, Tabs } from 'antd';
import { GRADES, type Grade } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { useProgramme } from './care.api';
import { ProgrammeEditor } from './ProgrammeEditor';

const isGrade = (v: string | null): v is Grade => (GRADES as readonly string[]).includes(v ?? '');

/** P-1: admins keep one care programme per grade; edits apply to touchpoints not yet due. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('grade');
  const grade: Grade = isGrade(asked) ? asked : 'A';

  return (
    <div data-testid="programmes-page">
      <PageHeader title={t('care.programmes.title')} subtitle={t('care.programmes.subtitle')} />
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={grade}
          onChange={(g) => setParams({ grade: g }, { replace: true })}
          items={GRADES.map((g) => ({
            key: g,
            label: <span data-testid={`programme-tab-${g}`}>{t('care.programmes.gradeTab', { grade: g })}</span>,
            children: <GradePane grade={g} />,
          }))}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}

function GradePane({ grade }: { grade: Grade }) {
  const programme = useProgramme(grade);
  if (programme.error && !programme.data) return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  if (!programme.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const stamp = programme.data.rules.map((r) => r.updatedAt).sort().at(-1) ?? '';
  return <ProgrammeEditor key={`${grade}-${stamp}-${programme.data.rules.length}`} programme={programme.data} />;
}
