import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Radio, Typography } from 'antd';
import type { Answers, Question } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../app/api/client';

interface SurveyFormProps {
  questions: Question[];
  onSubmit: (answers: Answers) => Promise<unknown>;
  submitLabel: string;
  /** errors the caller does not handle itself (e.g. a used link) are passed back */
  onError?: (err: unknown) => void;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** V-2: the questionnaire, one question per block; works at 360 px (choices wrap, nothing scrolls sideways). */
export function SurveyForm({ questions, onSubmit, submitLabel, onError }: SurveyFormProps) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const set = (key: string, v: Answers[string]) => {
    setAnswers((a) => ({ ...a, [key]: v }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  async function submit() {
    const missing = questions.filter((q) => q.required && (answers[q.key] === undefined || answers[q.key] === '' || (Array.isArray(answers[q.key]) && !(answers[q.key] as string[]).length)));
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((q) => [q.key, t('surveys.form.required')])));
      document.getElementById(`q-${missing[0]!.key}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(answers);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 400 && err.fieldErrors.length) {
        setErrors(Object.fromEntries(err.fieldErrors.map((e) => [e.field.replace(/^answers\./, ''), e.message])));
      } else onError?.(err);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex vertical gap={20} data-testid="survey-form">
      {questions.map((q, i) => (
        <div key={q.key} id={`q-${q.key}`} data-testid={`question-${q.key}`}>
          <Typography.Text strong style={{ display: 'block', fontSize: 15 }}>
            {i + 1}. {q.label}
            {q.required ? <span style={{ color: '#ff4d4f', marginLeft: 4 }}>*</span> : null}
          </Typography.Text>
          {q.help ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 2 }}>
              {q.help}
            </Typography.Text>
          ) : null}
          <div style={{ marginTop: 10 }}>
            <Control q={q} value={answers[q.key]} onChange={(v) => set(q.key, v)} />
          </div>
          {errors[q.key] ? (
            <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }} data-testid={`error-${q.key}`}>
              {errors[q.key]}
            </Typography.Text>
          ) : null}
        </div>
      ))}
      <Button type="primary" size="large" block loading={submitting} onClick={() => void submit()} data-testid="survey-submit">
        {submitLabel}
      </Button>
    </Flex>
  );
}

function Control({ q, value, onChange }: { q: Question; value: Answers[string] | undefined; onChange: (v: Answers[string]) => void }) {
  const { t } = useTranslation();
  if (q.type === 'rating' || q.type === 'scale') {
    const values = q.type === 'rating' ? range(1, 5) : range(0, 10);
    return (
      <div>
        <div style={{ display: 'grid', gridTemplateColumns: `repeat(${q.type === 'rating' ? 5 : 6}, minmax(0, 1fr))`, gap: 6, maxWidth: q.type === 'rating' ? 320 : 420 }} role="radiogroup">
          {values.map((n) => (
            <Button
              key={n}
              type={value === n ? 'primary' : 'default'}
              role="radio"
              aria-checked={value === n}
              onClick={() => onChange(n)}
              style={{ padding: 0 }}
              data-testid={`answer-${q.key}-${n}`}
            >
              {n}
            </Button>
          ))}
        </div>
        <Flex justify="space-between" style={{ maxWidth: q.type === 'rating' ? 320 : 420, marginTop: 4, fontSize: 12, color: '#8c8c8c' }}>
          <span>{t(q.type === 'rating' ? 'surveys.form.ratingLow' : 'surveys.form.scaleLow')}</span>
          <span>{t(q.type === 'rating' ? 'surveys.form.ratingHigh' : 'surveys.form.scaleHigh')}</span>
        </Flex>
      </div>
    );
  }
  if (q.type === 'single') {
    return (
      <Radio.Group value={value} onChange={(e) => onChange(e.target.value as string)}>
        <Flex vertical gap={8}>
          {q.options.map((o) => (
            <Radio key={o.value} value={o.value} data-testid={`answer-${q.key}-${o.value}`}>
              {o.label}
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
    );
  }
  if (q.type === 'multi') {
    return (
      <Checkbox.Group value={(value as string[] | undefined) ?? []} onChange={(v) => onChange(v as string[])}>
        <Flex vertical gap={8}>
          {q.options.map((o) => (
            <Checkbox key={o.value} value={o.value} data-testid={`answer-${q.key}-${o.value}`}>
              {o.label}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    );
  }
  return (
    <Input.TextArea
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      maxLength={2000}
      autoSize={{ minRows: 3, maxRows: 8 }}
      placeholder={t('surveys.form.textPlaceholder')}
      data-testid={`answer-${q.key}`}
    />
  );
}
