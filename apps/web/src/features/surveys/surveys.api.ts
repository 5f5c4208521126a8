import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Answers,
  ImprovementCreate,
  ImprovementItem,
  ImprovementStatus,
  ImprovementUpdate,
  ListResponse,
  PublicSurvey,
  StatsDimension,
  Survey,
  SurveyCreate,
  SurveyKind,
  SurveyResponse,
  SurveyResponseDetail,
  SurveySent,
  SurveyStats,
  SurveyStatus,
  SurveyTemplate,
  SurveyTemplateUpdate,
} from '@retainer/shared';
import { api, apiRequest } from '../../app/api/client';

export interface SurveyListParams {
  clientId?: string;
  matterId?: string;
  kind?: SurveyKind;
  status?: SurveyStatus;
  limit?: number;
  cursor?: string;
}

export interface ResponseListParams {
  clientId?: string;
  kind?: SurveyKind;
  from?: string;
  to?: string;
  lowOnly?: 'true';
  limit?: number;
  cursor?: string;
}

export interface StatsParams {
  by: StatsDimension;
  from?: string;
  to?: string;
}

export interface ImprovementListParams {
  clientId?: string;
  responseId?: string;
  status?: ImprovementStatus;
  limit?: number;
  cursor?: string;
}

export const surveyKeys = {
  all: ['surveys'] as const,
  templates: ['surveys', 'templates'] as const,
  list: (p: SurveyListParams) => ['surveys', 'list', p] as const,
  responses: (p: ResponseListParams) => ['surveys', 'responses', p] as const,
  response: (id: string) => ['surveys', 'response', id] as const,
  stats: (p: StatsParams) => ['surveys', 'stats', p] as const,
  improvements: (p: ImprovementListParams) => ['surveys', 'improvements', p] as const,
};

const enc = encodeURIComponent;

export const surveysApi = {
  templates: (signal?: AbortSignal) => api.get<{ items: SurveyTemplate[] }>('/v1/survey-templates', undefined, signal).then((r) => r.items),
  updateTemplate: (id: string, body: SurveyTemplateUpdate) => apiRequest<SurveyTemplate>(`/v1/survey-templates/${enc(id)}`, { method: 'PUT', body }),
  send: (body: SurveyCreate) => api.post<SurveySent>('/v1/surveys', body),
  list: (p: SurveyListParams, signal?: AbortSignal) => api.get<ListResponse<Survey>>('/v1/surveys', { ...p }, signal),
  responses: (p: ResponseListParams, signal?: AbortSignal) => api.get<ListResponse<SurveyResponse>>('/v1/survey-responses', { ...p }, signal),
  response: (id: string, signal?: AbortSignal) => api.get<SurveyResponseDetail>(`/v1/survey-responses/${enc(id)}`, undefined, signal),
  record: (body: { mode: 'recorded'; surveyId: string; answers: Answers }) => api.post<SurveyResponseDetail>('/v1/survey-responses', body),
  stats: (p: StatsParams, signal?: AbortSignal) => api.get<SurveyStats>('/v1/survey-responses/stats', { ...p }, signal),
  improvements: (p: ImprovementListParams, signal?: AbortSignal) => api.get<ListResponse<ImprovementItem>>('/v1/improvement-items', { ...p }, signal),
  createImprovement: (body: ImprovementCreate) => api.post<ImprovementItem>('/v1/improvement-items', body),
  updateImprovement: (id: string, body: ImprovementUpdate) => api.patch<ImprovementItem>(`/v1/improvement-items/${enc(id)}`, body),
  publicSurvey: (token: string, signal?: AbortSignal) =>
    apiRequest<PublicSurvey>(`/v1/public/surveys/${enc(token)}`, { allow401: true, ...(signal ? { signal } : {}) }),
  answer: (token: string, answers: Answers) => apiRequest<{ ok: true }>(`/v1/public/surveys/${enc(token)}`, { method: 'POST', body: { answers }, allow401: true }),
};

export function useSurveyTemplates() {
  return useQuery({ queryKey: surveyKeys.templates, queryFn: ({ signal }) => surveysApi.templates(signal), staleTime: 60_000 });
}

export function useSurveys(p: SurveyListParams) {
  return useQuery({ queryKey: surveyKeys.list(p), queryFn: ({ signal }) => surveysApi.list(p, signal), placeholderData: keepPreviousData });
}

export function useResponses(p: ResponseListParams) {
  return useQuery({ queryKey: surveyKeys.responses(p), queryFn: ({ signal }) => surveysApi.responses(p, signal), placeholderData: keepPreviousData });
}

export function useResponse(id: string) {
  return useQuery({ queryKey: surveyKeys.response(id), queryFn: ({ signal }) => surveysApi.response(id, signal) });
}

export function useSurveyStats(p: StatsParams) {
  return useQuery({ queryKey: surveyKeys.stats(p), queryFn: ({ signal }) => surveysApi.stats(p, signal), placeholderData: keepPreviousData });
}

export function useImprovements(p: ImprovementListParams) {
  return useQuery({ queryKey: surveyKeys.improvements(p), queryFn: ({ signal }) => surveysApi.improvements(p, signal), placeholderData: keepPreviousData });
}

/** The link the client opens, on this server's origin. */
export const surveyUrl = (path: string) => `${window.location.origin}${path}`;
