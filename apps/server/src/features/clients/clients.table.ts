import { columnsOf } from '../../db/columns.js';

export interface ClientsTable {
  id: string;
  kind: 'individual' | 'organisation';
  name: string;
  /** Pinyin initials of the name (e.g. "zsls"), for search. */
  name_initials: string;
  /** Lower-cased names, initials and tags of the client and its contacts, to confirm search hits. */
  search_text: string;
  status: 'prospect' | 'active' | 'dormant' | 'lost' | 'dismissed';
  /** 1 when lost/dismissed was set by a person (K-5), 0 when derived. */
  status_manual: number;
  status_reason: string | null;
  grade: 'A' | 'B' | 'C';
  /** 1 when a person overrode the computed grade (K-1). */
  grade_manual: number;
  grade_reason: string | null;
  tier: 'strategic' | 'core' | 'potential' | 'basic' | null;
  industry: string | null;
  region: string | null;
  city: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  source: 'referral' | 'website' | 'event' | 'walk_in' | 'other' | null;
  referrer_client_id: string | null;
  referrer_name: string | null;
  owner_id: string;
  manager_id: string | null;
  team_id: string | null;
  hourly_rate_fen: number | null;
  potential_needs: string | null;
  potential_resources: string | null;
  notes: string | null;
  // C-2 individuals
  gender: 'male' | 'female' | null;
  birthday_calendar: 'solar' | 'lunar' | null;
  birthday_year: number | null;
  birthday_month: number | null;
  birthday_day: number | null;
  birthday_leap: number;
  id_number: string | null;
  family_situation: string | null;
  income_bracket: string | null;
  employer: string | null;
  job_title: string | null;
  hobbies: string | null;
  wechat: string | null;
  // C-3 organisations
  uscc: string | null;
  legal_representative: string | null;
  registered_capital_fen: number | null;
  employee_scale: string | null;
  revenue_bracket: string | null;
  founded_on: string | null;
  customer_groups: string | null;
  business_partners: string | null;
  website: string | null;
  last_contact_at: string | null;
  created_at: string;
  updated_at: string;
  // K-2..K-4 (0010): RFM scores, quadrant and manual tier; null until first classified
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
  quadrant: 'golden' | 'big' | 'frequent_small' | 'other' | null;
  tier_manual: number;
  tier_reason: string | null;
  classified_at: string | null;
}

export interface ClientTagsTable {
  client_id: string;
  tag: string;
}

/** C-9: one row per searchable character and bigram of a client's names, codes and tags. */
export interface ClientSearchTable {
  client_id: string;
  gram: string;
}

export const clientsColumns = columnsOf<ClientsTable>()(
  'id', 'kind', 'name', 'name_initials', 'search_text', 'status', 'status_manual', 'status_reason', 'grade', 'grade_manual',
  'grade_reason', 'tier', 'industry', 'region', 'city', 'address', 'phone', 'email', 'source', 'referrer_client_id',
  'referrer_name', 'owner_id', 'manager_id', 'team_id', 'hourly_rate_fen', 'potential_needs', 'potential_resources',
  'notes', 'gender', 'birthday_calendar', 'birthday_year', 'birthday_month', 'birthday_day', 'birthday_leap',
  'id_number', 'family_situation', 'income_bracket', 'employer', 'job_title', 'hobbies', 'wechat', 'uscc',
  'legal_representative', 'registered_capital_fen', 'employee_scale', 'revenue_bracket', 'founded_on',
  'customer_groups', 'business_partners', 'website', 'last_contact_at', 'created_at', 'updated_at',
  'r_score', 'f_score', 'm_score', 'quadrant', 'tier_manual', 'tier_reason', 'classified_at',
);
export const clientTagsColumns = columnsOf<ClientTagsTable>()('client_id', 'tag');
export const clientSearchColumns = columnsOf<ClientSearchTable>()('client_id', 'gram');
