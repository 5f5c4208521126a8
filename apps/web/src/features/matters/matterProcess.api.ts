import { useQuery } from '@tanstack/react-query';
import type {
  ChecklistStepUpdate,
  ChecklistTemplate,
  ChecklistTemplateUpdate,
  KeyDate,
  KeyDateCreate,
  KeyDateList,
  KeyDateUpdate,
  MatterChecklist,
  MatterType,
} from '@retainer/shared';
import { api, apiRequest } from '../../app/api/client';
import { matterPath } from './matters.api';

// M-3 checklists and templates, M-5 key dates.
export const processKeys = {
  checklist: (matterId: string) => ['matters', 'detail', matterId, 'checklist'] as const,
  keyDates: (matterId: string) => ['matters', 'detail', matterId, 'key-dates'] as const,
  template: (type: MatterType) => ['checklist-templates', type] as const,
};

const templatePath = (type: MatterType) => `/v1/checklist-templates/${type}`;

export const processApi = {
  checklist: (matterId: string, signal?: AbortSignal) => api.get<MatterChecklist>(`${matterPath(matterId)}/checklist`, undefined, signal),
  tick: (matterId: string, stepId: string, body: ChecklistStepUpdate) =>
    api.patch<MatterChecklist>(`${matterPath(matterId)}/checklist/${encodeURIComponent(stepId)}`, body),
  keyDates: (matterId: string, signal?: AbortSignal) => api.get<KeyDateList>(`${matterPath(matterId)}/key-dates`, undefined, signal),
  addKeyDate: (matterId: string, body: KeyDateCreate) => api.post<KeyDate>(`${matterPath(matterId)}/key-dates`, body),
  updateKeyDate: (id: string, body: KeyDateUpdate) => api.patch<KeyDate>(`/v1/key-dates/${encodeURIComponent(id)}`, body),
  removeKeyDate: (id: string) => api.delete(`/v1/key-dates/${encodeURIComponent(id)}`),
  template: (type: MatterType, signal?: AbortSignal) => api.get<ChecklistTemplate>(templatePath(type), undefined, signal),
  saveTemplate: (type: MatterType, body: ChecklistTemplateUpdate) => apiRequest<ChecklistTemplate>(templatePath(type), { method: 'PUT', body }),
};

export function useChecklist(matterId: string) {
  return useQuery({ queryKey: processKeys.checklist(matterId), queryFn: ({ signal }) => processApi.checklist(matterId, signal) });
}

export function useKeyDates(matterId: string) {
  return useQuery({ queryKey: processKeys.keyDates(matterId), queryFn: ({ signal }) => processApi.keyDates(matterId, signal) });
}

export function useChecklistTemplate(type: MatterType) {
  return useQuery({ queryKey: processKeys.template(type), queryFn: ({ signal }) => processApi.template(type, signal) });
}
