import type { Command } from 'commander';
import { assertStaff, canProcess } from '../../core/access.js';
import { DifferencesError } from '../../core/errors.js';
import { toRublesString } from '../../core/money.js';
import { grossFeeNet, isDifference, reconcile, type ReconcileRow, type ReconcileStatus } from '../../core/reconcile.js';
import { addDays, localDate, zonedToUtc } from '../../core/time.js';
import type { Deps } from '../../deps.js';
import type { Catalog } from '../../ui/i18n.js';
import type { ListedPayment } from '../../store/index.js';
import { safeLine } from '../../ui/text.js';
import { notice, printJson, printLines } from '../shared.js';
import { statementFlags } from './import.js';
import { readStatement, zoneOfLocations, type StatementOptions } from './statement.js';

const STATUSES: ReconcileStatus[] = [
  'matched',
  'missing_in_cowork',
  'missing_in_statement',
  'amount_differs',
  'other_differs',
  'duplicate',
];

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  statementFlags(
    parent.command('reconcile').description(h.pay.reconcile.description).argument('<file>', h.pay.reconcile.file),
    h.pay.reconcile,
  ).action((file: string, opts: StatementOptions) => reconcileRun({ ...opts, file }, deps));
}

/** What else differs on a row, in the operator's language. */
function noteOf(r: ReconcileRow, t: Catalog): string | null {
  const n = t.notices.reconcile;
  const parts = r.differs.map((d) => {
    switch (d.kind) {
      case 'order':
        return n.otherOrder({ order: d.order });
      case 'source':
        return n.deskPayment;
      case 'method':
        return n.otherMethod({ method: d.method });
      case 'entry':
        return n.otherKind({ kind: d.entry });
      case 'repeated':
        return d.same ? n.repeated({ line: d.line }) : n.repeatedOther({ line: d.line });
    }
  });
  return parts.length ? parts.join('; ') : null;
}

/**
 * The whole local days the statement covers in its zone (a payment of such a day that the file
 * lacks is missing from it wherever it falls in the day); without a zone, its first to its last time.
 */
export function periodOf(times: string[], zone: string | null): { from: string; to: string; timeZone: string | null } | null {
  const sorted = [...times].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return null;
  if (zone === null) return { from: first, to: new Date(Date.parse(last) + 1).toISOString(), timeZone: null };
  const from = zonedToUtc(localDate(new Date(first), zone), '00:00', zone).toISOString();
  const to = zonedToUtc(addDays(localDate(new Date(last), zone), 1), '00:00', zone).toISOString();
  return { from, to, timeZone: zone };
}

const money = (k: number | null) => (k === null ? '' : toRublesString(k));

export async function reconcileRun(opts: StatementOptions & { file: string }, deps: Deps): Promise<void> {
  const t = deps.t();
  const statement = await readStatement(deps, opts.file, opts, () => zoneOfLocations(deps));
  notice(deps, t.notices.import.read({ file: opts.file, ...statement }));
  const store = await deps.store();
  const me = await deps.operator();
  assertStaff(me);
  const services = await store.services();
  const mine = [...services.values()].filter((s) => canProcess(me, s)).map((s) => s.id);
  const visible = (p: ListedPayment) => mine.includes(p.serviceId);
  // A refund whose registry names no order is of its payment's order, when the operator may see it.
  const parents = [...new Set(statement.rows.flatMap((r) => (r.orderNumber === null && r.parentId ? [r.parentId] : [])))];
  const byParent = await store.paymentsByExternalIds(parents);
  const rows = statement.rows.map((r) => {
    const p = r.orderNumber === null && r.parentId ? byParent.get(r.parentId) : undefined;
    return p && visible(p) ? { ...r, orderNumber: p.orderNumber } : r;
  });
  const period = periodOf(
    rows.map((r) => r.paidAt),
    statement.zone,
  );
  // The gateway entries cowork holds for the statement's ids, and those of its days.
  const byId = await store.paymentsByExternalIds(rows.map((r) => r.externalId));
  const inPeriod: ListedPayment[] = [];
  if (period) {
    for (const kind of statement.kinds) {
      for await (const p of store.iteratePayments({
        source: 'gateway',
        kind,
        from: period.from,
        to: period.to,
        serviceIds: me.role === 'admin' ? undefined : mine,
      }))
        inPeriod.push(p);
    }
  }
  const numbers = [...new Set(rows.flatMap((r) => (r.orderNumber === null ? [] : [r.orderNumber])))];
  const unidentified = await store.unidentifiedPayments(numbers);
  const result = reconcile(rows, [...byId.values()], inPeriod, visible, unidentified, statement.kinds);
  const differences = result.filter(isDifference).length;
  if (deps.json()) {
    printJson(deps, {
      period,
      format: statement.format,
      summary: Object.fromEntries(STATUSES.map((k) => [k, result.filter((r) => r.status === k).length])),
      skipped: statement.skipped,
      rows: result.map((r) => ({
        status: r.status,
        externalId: r.externalId,
        order: r.order,
        line: r.line,
        kind: r.entry,
        statementAmount: r.statementAmount,
        coworkAmount: r.coworkAmount,
        ...grossFeeNet(r),
        currency: 'RUB',
        note: noteOf(r, t),
      })),
    });
  } else if (result.length) {
    printLines(
      deps,
      result
        .map((r) => {
          const g = grossFeeNet(r);
          return [
            r.status,
            safeLine(r.externalId),
            r.order ?? '',
            money(r.statementAmount),
            money(r.coworkAmount),
            noteOf(r, t) ?? '',
            money(g.gross),
            money(g.fee),
            money(g.net),
          ].join('\t');
        })
        .join('\n'),
    );
  }
  notice(deps, t.notices.reconcile.summary({ rows: rows.length, differences }));
  if (differences > 0) throw new DifferencesError('reconcileDifferences', { differences });
}
