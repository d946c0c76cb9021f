/**
 * Bulk writes for generated data and statements: on SQLite by better-sqlite3 prepared statements
 * inside the open write transaction (the same connection kysely uses), on PostgreSQL by multi-row
 * inserts. The rows are the same either way.
 */
import type { Database as Native } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { PlannedOrder } from '../core/generate.js';
import type { DB } from './schema.js';

export interface BulkSink {
  add(o: PlannedOrder): Promise<void>;
  flush(): Promise<void>;
}

function eventColumns(e: PlannedOrder['messages'][number]['event']): { event: string | null; data: string | null } {
  if (!e) return { event: null, data: null };
  const { code, ...values } = e;
  return { event: code, data: JSON.stringify(values) };
}

export function sqliteSink(native: Native): BulkSink {
  const insOrder = native.prepare(
    `insert into orders (number, created_at, created_by, service_id, applicant_id, assignee_id, status, due_date, total, paid, min_remaining, cancelled_at, cancelled_by, cancel_reason)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLine = native.prepare(
    `insert into order_lines (order_number, position, description, tariff, quantity, unit_price, amount) values (?, 0, ?, ?, ?, ?, ?)`,
  );
  const insTicket = native.prepare(
    `insert into tickets (number, order_number, service_id, visitor_name, visitor_phone, start_at, end_at, status) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPayment = native.prepare(
    `insert into payments (order_number, amount, method, source, recorded_by, created_at, external_id) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insMessage = native.prepare(
    `insert into messages (order_number, visibility, author_id, body, event, data, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    async add(o) {
      insOrder.run(o.number, o.createdAt, o.createdById, o.serviceId, o.applicantId, o.assigneeId, o.status, o.dueDate, o.total, o.paid, o.minRemaining, o.cancelledAt, o.cancelledById, o.cancelReason);
      insLine.run(o.number, o.line.description, o.line.tariff, o.line.quantity, o.line.unitPrice, o.line.amount);
      insTicket.run(o.ticket, o.number, o.serviceId, o.visitorName, o.visitorPhone, o.start, o.end, o.status === 'cancelled' ? 'cancelled' : 'active');
      for (const p of o.payments) insPayment.run(o.number, p.amount, p.method, p.source, p.recordedById, p.at, p.externalId);
      for (const m of o.messages) {
        const e = eventColumns(m.event);
        insMessage.run(o.number, m.visibility, m.authorId, m.text, e.event, e.data, m.at);
      }
    },
    async flush() {},
  };
}

export function batchSink(db: Kysely<DB>, batch = 500): BulkSink {
  let pending: PlannedOrder[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const os = pending;
    pending = [];
    await db
      .insertInto('orders')
      .values(
        os.map((o) => ({
          number: o.number,
          created_at: o.createdAt,
          created_by: o.createdById,
          service_id: o.serviceId,
          applicant_id: o.applicantId,
          assignee_id: o.assigneeId,
          status: o.status,
          due_date: o.dueDate,
          total: o.total,
          paid: o.paid,
          min_remaining: o.minRemaining,
          cancelled_at: o.cancelledAt,
          cancelled_by: o.cancelledById,
          cancel_reason: o.cancelReason,
        })),
      )
      .execute();
    await db
      .insertInto('order_lines')
      .values(os.map((o) => ({ order_number: o.number, position: 0, description: o.line.description, tariff: o.line.tariff, quantity: o.line.quantity, unit_price: o.line.unitPrice, amount: o.line.amount })))
      .execute();
    await db
      .insertInto('tickets')
      .values(
        os.map((o) => ({
          number: o.ticket,
          order_number: o.number,
          service_id: o.serviceId,
          visitor_name: o.visitorName,
          visitor_phone: o.visitorPhone,
          start_at: o.start,
          end_at: o.end,
          status: o.status === 'cancelled' ? 'cancelled' : 'active',
        })),
      )
      .execute();
    const payments = os.flatMap((o) =>
      o.payments.map((p) => ({ order_number: o.number, amount: p.amount, method: p.method, source: p.source, recorded_by: p.recordedById, created_at: p.at, external_id: p.externalId })),
    );
    if (payments.length) await db.insertInto('payments').values(payments).execute();
    const messages = os.flatMap((o) =>
      o.messages.map((m) => ({ order_number: o.number, visibility: m.visibility, author_id: m.authorId, body: m.text, ...eventColumns(m.event), created_at: m.at })),
    );
    if (messages.length) await db.insertInto('messages').values(messages).execute();
  };
  return {
    async add(o) {
      pending.push(o);
      if (pending.length >= batch) await flush();
    },
    flush,
  };
}
