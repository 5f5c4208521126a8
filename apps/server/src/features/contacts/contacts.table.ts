import { columnsOf } from '../../db/columns.js';

export interface ContactsTable {
  id: string;
  client_id: string;
  name: string;
  department: string | null;
  title: string | null;
  decision_role: 'decision_maker' | 'influencer' | 'user' | 'gatekeeper' | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday_calendar: 'solar' | 'lunar' | null;
  birthday_year: number | null;
  birthday_month: number | null;
  birthday_day: number | null;
  birthday_leap: number;
  hobbies: string | null;
  /** JSON array of tags (per department and role, seed 000) */
  tags: string;
  is_primary: number;
  status: 'in_post' | 'left';
  created_at: string;
  updated_at: string;
}

/** C-6: who changed which post-related field, old → new. */
export interface PersonnelChangesTable {
  id: string;
  client_id: string;
  contact_id: string | null;
  field: 'title' | 'department' | 'status' | 'legal_representative';
  old_value: string | null;
  new_value: string | null;
  changed_by: string | null;
  changed_at: string;
}

export const contactsColumns = columnsOf<ContactsTable>()(
  'id', 'client_id', 'name', 'department', 'title', 'decision_role', 'phone', 'email', 'wechat', 'birthday_calendar',
  'birthday_year', 'birthday_month', 'birthday_day', 'birthday_leap', 'hobbies', 'tags', 'is_primary', 'status',
  'created_at', 'updated_at',
);
export const personnelChangesColumns = columnsOf<PersonnelChangesTable>()(
  'id', 'client_id', 'contact_id', 'field', 'old_value', 'new_value', 'changed_by', 'changed_at',
);
