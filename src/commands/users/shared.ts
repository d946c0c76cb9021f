/** What the verbs of `users` share: the list columns. */
import type { User } from '../../core/types.js';
import { formatPhone } from '../../ui/format.js';
import type { Catalog } from '../../ui/i18n.js';
import type { Column } from '../../ui/output.js';

/** The columns of `users list`; on a narrow terminal the login and the name stay. */
export function userColumns(t: Catalog): Column<User>[] {
  const w = t.words;
  return [
    { header: w.login, key: 'login', value: (u) => u.login, text: true },
    { header: w.name, key: 'name', value: (u) => u.name, text: true, min: 10 },
    { header: w.role, key: 'role', value: (u) => t.role[u.role], drop: 3 },
    { header: w.phone, key: 'phone', value: (u) => formatPhone(u.phone), text: true, drop: 2 },
    { header: w.email, key: 'email', value: (u) => u.email ?? '', text: true, drop: 1, min: 10 },
  ];
}

/** CSV: machine values, as in JSON. */
export const userCsvColumns: Column<User>[] = [
  { header: 'login', key: 'login', value: (u) => u.login, text: true },
  { header: 'name', key: 'name', value: (u) => u.name, text: true },
  { header: 'role', key: 'role', value: (u) => u.role },
  { header: 'phone', key: 'phone', value: (u) => u.phone ?? '', text: true },
  { header: 'email', key: 'email', value: (u) => u.email ?? '', text: true },
];
